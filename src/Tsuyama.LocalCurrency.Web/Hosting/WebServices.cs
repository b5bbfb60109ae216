using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Identity;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Hosting;

internal static class WebServices
{
    /// <summary>Sign-in and password change, per client IP (IPv6: per /64).</summary>
    public const string SignInRateLimit = "sign-in";

    public static WebApplicationBuilder AddLocalCurrencyWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var database = DatabaseOptions.From(configuration["Database:Provider"], configuration.GetConnectionString("Ledger"));
        services.AddLocalCurrencyCore(database, configuration);
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Scoped<ICurrentActor, HttpCurrentActor>());
        services.Configure<BootstrapOptions>(configuration.GetSection("Bootstrap"));
        services.Configure<Endpoints.LiveEndpoints.LiveStreamOptions>(configuration.GetSection("Live"));

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, PaymentJson.Default);
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTypesByStatus.Apply);
        services.AddExceptionHandler<ApiExceptionHandler>();

        services.AddIdentityCore<LedgerUser>()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<LedgerDbContext>();
        // The API keeps bearer tokens; the pages (Site/) sign in with cookies over the same Identity store (AddSite below).
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme);
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .Configure<IOptions<AuthOptions>>((o, auth) => o.BearerTokenExpiration = auth.Value.AccessTokenLifetime)
            // After AddBearerToken's own configuration has set the data-protected format: remember unprotected tickets.
            .PostConfigure<TimeProvider>((o, clock) => o.BearerTokenProtector = new CachedBearerTickets(o.BearerTokenProtector, clock));
        services.AddSingleton<BearerTokens>();
        services.AddAuthorization();
        // Keys in the ledger database: tokens survive a restart and every host can read them; at rest
        // they are encrypted with a configured certificate (KeyRingProtection).
        var dataProtection = services.AddDataProtection().SetApplicationName("Tsuyama.LocalCurrency").PersistKeysToDbContext<LedgerDbContext>();
        KeyRingProtection.Configure(dataProtection, configuration, builder.Environment);
        ClientNetwork.AddForwardedHeaders(services, configuration);

        // Per client IP. Japanese carriers put many phones behind one IPv4 address (CGNAT), so the limit
        // is sized for a busy shared address; guessing one account is stopped by its lockout instead.
        var permits = configuration.GetValue("RateLimiting:TokenPermitsPerMinute", 60);
        if (permits < 1)
        {
            throw new ConfigurationError("RateLimiting:TokenPermitsPerMinute must be 1 or more.");
        }

        services.AddSite(builder.Environment, permits);

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientNetwork.Partition(http.Connection.RemoteIpAddress),
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
