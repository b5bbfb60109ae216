using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Papers;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The core shared by the web host and the CLI: database, use cases, their pipeline and every
    /// options section the core reads. Sections are bound here, once, so no host can forget one
    /// (the web host once ignored <c>Settlement:*</c> because only the CLI bound it).
    /// </summary>
    public static IServiceCollection AddLocalCurrencyCore(
        this IServiceCollection services, DatabaseOptions database, IConfiguration? configuration = null)
    {
        // Tests and benchmarks pass no configuration: every section keeps its defaults.
        configuration ??= new ConfigurationBuilder().Build();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton<WriteGate>();
        // Pooled: building a context per request is a measurable part of a payment's cost.
        services.AddDbContextPool<LedgerDbContext>(o => LedgerDatabase.Configure(o, database));
        services.TryAddScoped<IPasswordHasher<LedgerUser>, PasswordHasher<LedgerUser>>();
        services.AddOptions<LedgerOptions>().Bind(configuration.GetSection(LedgerOptions.Section));
        services.AddOptions<Payouts.SettlementOptions>().Bind(configuration.GetSection(Payouts.SettlementOptions.Section));
        services.AddOptions<Features.Identity.AuthOptions>().Bind(configuration.GetSection(Features.Identity.AuthOptions.Section));
        // ASP.NET Identity's lockout settings, read by the sign-in use case: 5 failures → 15 minutes unless configured.
        services.AddOptions<IdentityOptions>()
            .Configure(o => o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15))
            .Bind(configuration.GetSection("Identity"));
        services.AddOptions<Features.Sales.SalesOptions>().Bind(configuration.GetSection(Features.Sales.SalesOptions.Section));
        services.AddOptions<Ledger.SealOptions>().Bind(configuration.GetSection(Ledger.SealOptions.Section));
        // An invoice with a wrong registration number lets no shop claim its input tax: refuse to start.
        services.AddOptions<InvoiceOptions>().ValidateOnStart().Bind(configuration.GetSection(InvoiceOptions.Section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<InvoiceOptions>, InvoiceOptionsValidator>());
        services.AddUseCases(typeof(ServiceCollectionExtensions).Assembly);
        // The web host replaces it with its recurring schedule.
        services.TryAddSingleton<Payouts.ISettlementSchedule, Payouts.NoSettlementSchedule>();
        services.AddSingleton<Live.LiveEventHub>();
        services.AddScoped<Live.LivePublisher>();
        // Hosts with signed-in users replace it (the web host reads the request's user).
        return services;
    }
}
