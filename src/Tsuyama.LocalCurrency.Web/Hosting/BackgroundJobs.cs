using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Jobs;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Web.Hosting;

/// <summary>
/// Hangfire runs the recurring work. With SQLite its storage is in memory: everything that must
/// survive a restart lives in the ledger database, and every job is safe to run again. With SQL
/// Server or PostgreSQL it is stored in the ledger's database so several hosts split the work.
/// </summary>
internal static class BackgroundJobs
{
    private static readonly Hangfire.PostgreSql.PostgreSqlStorageOptions PostgreSqlJobs = new() { SchemaName = "hangfire" };

    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, DatabaseOptions database, IConfiguration configuration)
    {
        // Storage and activator per host, registered before AddHangfire so it does not fall back to
        // Hangfire's process-wide statics: two hosts in one process (tests, a restart) never share
        // a queue or run each other's jobs.
        services.AddSingleton<JobStorage>(_ => database.Provider switch
        {
            DatabaseProvider.SqlServer => new Hangfire.SqlServer.SqlServerStorage(database.ConnectionString),
            // Its own schema in the ledger's database: hosts on one database share the queues and the
            // recurring schedule, so each recurring job fires once across them.
            DatabaseProvider.PostgreSql => new Hangfire.PostgreSql.PostgreSqlStorage(
                new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(database.ConnectionString, PostgreSqlJobs),
                PostgreSqlJobs),
            _ => new Hangfire.InMemory.InMemoryStorage(),
        });
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHangfireServer(o => o.WorkerCount = configuration.GetValue("Jobs:Workers", Math.Max(2, Environment.ProcessorCount)));
        services.Configure<JobOptions>(configuration.GetSection("Jobs"));
        // The shop's settlements page shows the next run of this schedule.
        services.Replace(ServiceDescriptor.Singleton<Payouts.ISettlementSchedule, CronSettlementSchedule>());
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
        var jst = new RecurringJobOptions { TimeZone = JapanTime.Zone };
        jobs.AddOrUpdate<SealLedgerJob>("seal-ledger", j => j.RunAsync(CancellationToken.None), options.SealCron, jst);
        jobs.AddOrUpdate<ExpiryJob>("expire-points", j => j.EnqueueExpiryForToday(), options.ExpiryCron, jst);
        jobs.AddOrUpdate<ExpiryJob>("expiry-reminders", j => j.EnqueueRemindersForToday(), options.ReminderCron, jst);
        jobs.AddOrUpdate<SalesDeadlineJob>("sales-deadlines", j => j.EnqueueForToday(), options.SalesDeadlineCron, jst);
        for (var i = 0; i < options.SettlementCrons.Length; i++)
        {
            jobs.AddOrUpdate<SettlementJob>($"settlement-{i + 1}", j => j.EnqueueForYesterday(), options.SettlementCrons[i], jst);
        }

        return app;
    }
}

/// <summary>Cron expressions are in JST. Bound from the <c>Jobs</c> section.</summary>
internal sealed class JobOptions
{
    public string SealCron { get; set; } = Cron.Minutely();

    /// <summary>Five past midnight JST: the first minutes of the day after the last valid day.</summary>
    public string ExpiryCron { get; set; } = "5 0 * * *";

    public string ReminderCron { get; set; } = "0 9 * * *";

    /// <summary>Ten past midnight JST: winners who did not pay by the day before lapse.</summary>
    public string SalesDeadlineCron { get; set; } = "10 0 * * *";

    /// <summary>
    /// When to settle the previous day as a cutoff. Default: 00:30 on the 16th (cutoff the 15th) and
    /// on the 1st (cutoff the last day of the month).
    /// </summary>
    public string[] SettlementCrons { get; set; } = ["30 0 16 * *", "30 0 1 * *"];
}

/// <summary>The dashboard can run and delete jobs: Admin only; a bearer token is read as for the API.</summary>
internal sealed class AdminOnlyDashboard : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User is var user && user.IsInRole(Roles.Admin) && !Http.UserClaims.PasswordChangeRequired(user);
}
