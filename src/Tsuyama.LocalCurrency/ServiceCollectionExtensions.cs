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
    /// <summary>The core shared by the web host and the CLI: database, use cases and their pipeline.</summary>
    /// <param name="configuration">Where the core's own sections (<c>Invoice</c>) are bound from; without it, their defaults.</param>
    public static IServiceCollection AddLocalCurrencyCore(this IServiceCollection services, DatabaseOptions database, IConfiguration? configuration = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton<WriteGate>();
        // Pooled: building a context per request is a measurable part of a payment's cost.
        services.AddDbContextPool<LedgerDbContext>(o => LedgerDatabase.Configure(o, database));
        services.TryAddScoped<IPasswordHasher<LedgerUser>, PasswordHasher<LedgerUser>>();
        services.AddOptions<LedgerOptions>();
        services.AddOptions<Settlement.SettlementOptions>();
        // An invoice with a wrong registration number lets no shop claim its input tax: refuse to start.
        var invoice = services.AddOptions<InvoiceOptions>().ValidateOnStart();
        if (configuration is not null)
        {
            invoice.Bind(configuration.GetSection(InvoiceOptions.Section));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<InvoiceOptions>, InvoiceOptionsValidator>());
        services.AddUseCases(typeof(ServiceCollectionExtensions).Assembly);
        return services;
    }
}
