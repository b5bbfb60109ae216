using Hangfire;
using Hangfire.Dashboard;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Jobs;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Web.Hosting;

/// <summary>
/// Hangfire runs the recurring work. With SQLite its storage is in memory: everything that must
/// survive a restart lives in the ledger database, and every job is safe to run again. With SQL
/// Server it shares SQL Server storage so several hosts split the work.
/// </summary>
internal static class BackgroundJobs
{
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, DatabaseOptions database, IConfiguration configuration)
    {
        services.AddHangfire(config =>
        {
            config.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.SqlServer)
            {
                config.UseSqlServerStorage(database.ConnectionString);
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });
        services.AddHangfireServer(o => o.WorkerCount = configuration.GetValue("Jobs:Workers", Math.Max(2, Environment.ProcessorCount)));
        services.Configure<JobOptions>(configuration.GetSection("Jobs"));
        return services;
    }

    public static WebApplication MapBackgroundJobs(this WebApplication app)
    {
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminOnlyDashboard()],
            AsyncAuthorization = [],
            DisplayStorageConnectionString = false,
        });

        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<JobOptions>>().Value;
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        var jst = new RecurringJobOptions { TimeZone = JapanTimeZone.Instance };
        jobs.AddOrUpdate<SealLedgerJob>("seal-ledger", j => j.RunAsync(CancellationToken.None), options.SealCron, jst);
        return app;
    }
}

/// <summary>Cron expressions are in JST. Bound from the <c>Jobs</c> section.</summary>
internal sealed class JobOptions
{
    public string SealCron { get; set; } = Cron.Minutely();
}

/// <summary>The dashboard can run and delete jobs: Admin only; a bearer token is read as for the API.</summary>
internal sealed class AdminOnlyDashboard : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
