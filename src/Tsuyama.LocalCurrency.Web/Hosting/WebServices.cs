using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Hosting;

internal static class WebServices
{
    public const string TokenRateLimit = "token";

    public static WebApplicationBuilder AddLocalCurrencyWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var database = DatabaseOptions.From(configuration["Database:Provider"], configuration.GetConnectionString("Ledger"));
        services.AddLocalCurrencyCore(database, configuration);
        services.Configure<LedgerOptions>(configuration.GetSection("Ledger"));
        services.Configure<BootstrapOptions>(configuration.GetSection("Bootstrap"));

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTypesByStatus.Apply);
        services.AddExceptionHandler<ApiExceptionHandler>();

        services.AddIdentityCore<LedgerUser>()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<LedgerDbContext>();
        services.AddAuthentication(IdentityConstants.BearerScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8));
        services.AddAuthorization();
        // Keys in the ledger database: tokens survive a restart and every host can read them.
        services.AddDataProtection().SetApplicationName("Tsuyama.LocalCurrency").PersistKeysToDbContext<LedgerDbContext>();

        var permits = configuration.GetValue("RateLimiting:TokenPermitsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(TokenRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Tsuyama Local Currency API";
            doc.Info.Description = "津山市 地域通貨・デジタル商品券 API (DESIGN §8). Sign in with POST /api/v1/auth/token and send Authorization: Bearer <accessToken>.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddHostedService<StartupTasks>();
        services.AddBackgroundJobs(database, configuration);
        return builder;
    }
}

internal sealed class BootstrapOptions
{
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
}
