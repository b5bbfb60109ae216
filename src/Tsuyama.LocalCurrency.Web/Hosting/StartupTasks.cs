using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Staff.CreateStaffUser;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Web.Hosting;

/// <summary>
/// Before the host takes requests: the embedded database is migrated (a server database, SQL Server or
/// PostgreSQL, is migrated by the operator with the CLI, once for all hosts), and the first Admin is
/// created from Bootstrap:AdminEmail/Password;
/// in Production that password sits in configuration, so the Admin must replace it at first sign-in.
/// </summary>
internal sealed partial class StartupTasks(IServiceProvider services, IOptions<BootstrapOptions> bootstrap, DatabaseOptions database,
    IHostEnvironment environment, ILogger<StartupTasks> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var applied = await DatabaseMigrator.MigrateAsync(db, cancellationToken);
            if (applied.Count > 0)
            {
                LogMigrated(applied.Count);
            }
        }

        var requeued = await Jobs.SimulationJob.RequeueUnfinishedAsync(
            db,
            scope.ServiceProvider.GetRequiredService<Hangfire.IBackgroundJobClient>(),
            cancellationToken);
        if (requeued > 0)
        {
            LogRequeued(requeued);
        }

        var (email, password) = (bootstrap.Value.AdminEmail, bootstrap.Value.AdminPassword);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        var normalized = LedgerUser.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            return;
        }

        var result = await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>()
            .Send(new CreateStaffUserCommand(email, password, Roles.Admin, PasswordChangeRequired: environment.IsProduction()), cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Bootstrap admin could not be created: {result.Error.Detail}");
        }

        LogAdminCreated(email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} database migration(s)")]
    private partial void LogMigrated(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} unfinished simulation run(s) again")]
    private partial void LogRequeued(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap Admin {Email}")]
    private partial void LogAdminCreated(string email);
}
