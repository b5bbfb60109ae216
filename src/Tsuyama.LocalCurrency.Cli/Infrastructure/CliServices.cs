using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Cli.Infrastructure;

/// <summary>
/// The CLI reads the same configuration as the web host (appsettings.json in the working folder,
/// then environment variables such as <c>ConnectionStrings__Ledger</c>); <c>--db</c> overrides it.
/// </summary>
internal static class CliServices
{
    /// <param name="clock">Replaces the system clock (seed-demo replays past days); null for the real one.</param>
    public static ServiceProvider Build(string? db, TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var database = DatabaseOptions.From(configuration["Database:Provider"], db ?? configuration.GetConnectionString("Ledger"));

        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(o => o.SingleLine = true));
        services.AddLocalCurrencyCore(database, configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        // The same start-up checks as the web host (e.g. the invoice registration number); the runner prints the one-line reason.
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        return provider;
    }
}
