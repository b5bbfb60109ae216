using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency;

public static class ServiceCollectionExtensions
{
    /// <summary>The core shared by the web host and the CLI: database, use cases and their pipeline.</summary>
    public static IServiceCollection AddLocalCurrencyCore(this IServiceCollection services, DatabaseOptions database)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton<WriteGate>();
        // Pooled: building a context per request is a measurable part of a payment's cost.
        services.AddDbContextPool<LedgerDbContext>(o => LedgerDatabase.Configure(o, database));
        services.TryAddScoped<IPasswordHasher<LedgerUser>, PasswordHasher<LedgerUser>>();
        services.AddOptions<LedgerOptions>();
        services.AddOptions<Settlement.SettlementOptions>();
        services.AddOptions<Ledger.SealOptions>();
        services.AddUseCases(typeof(ServiceCollectionExtensions).Assembly);
        return services;
    }
}
