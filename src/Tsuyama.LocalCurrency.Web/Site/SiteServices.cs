using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Web.Hosting;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Site;

/// <summary>
/// The server-rendered web app beside the API: Razor Pages, cookie sign-in over the same Identity
/// store, Japanese-first resources, and the security headers every page gets.
/// </summary>
internal static class SiteServices
{
    /// <summary>Chooses bearer for the API (and any request carrying a token), cookies for pages.</summary>
    public const string SmartScheme = "BearerOrCookie";
    public const string ResidentPolicy = "resident-pages";
    public const string MerchantPolicy = "merchant-pages";
    public const string CityPolicy = "city-pages";
    public const string ChamberPolicy = "chamber-pages";
    public const string SignInPageRateLimit = "signin-page";

    public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static bool UsesBearer(HttpContext http)
    {
        if (http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // The API takes only tokens (a cookie would make its POSTs forgeable), except the read-only event
        // streams: a page's EventSource cannot send a token, and a GET changes nothing.
        return http.Request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(http.Request.Method) && http.Request.Path.Value!.EndsWith("/events", StringComparison.Ordinal));
    }

    public static void AddSite(this IServiceCollection services, IHostEnvironment environment, int signInPermitsPerMinute)
    {
        // Production is served over TLS, so its cookies are Secure; tests and `dotnet run` use plain HTTP on 127.0.0.1.
        var secure = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, null, o => o.ForwardDefaultSelector = http =>
                UsesBearer(http) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "tlc-auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
                o.Cookie.SecurePolicy = secure;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                // An API route (the event streams) answers 401/403 like the rest of the API, never a redirect to a page.
                o.Events.OnRedirectToLogin = c => ApiStatusOrRedirect(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => ApiStatusOrRedirect(c, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ResidentPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Resident))
            // Clerks work the till too; what only the owner may do is refused by the use cases (ShopStaff).
            .AddPolicy(MerchantPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Merchant, Roles.Clerk))
            // The city console is for Admin and front-desk Counter staff; pages only Admin may use say so
            // themselves, and the use cases refuse the rest anyway.
            .AddPolicy(CityPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Admin, Roles.Counter))
            .AddPolicy(ChamberPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Chamber, Roles.Admin));

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "tlc-af";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Japanese);
            o.SupportedCultures = o.SupportedUICultures = [Japanese, English];
            // Japanese unless the resident chose English with the visible switch (stored in a cookie).
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Wallet", ResidentPolicy);
                o.Conventions.AuthorizeFolder("/Shop", MerchantPolicy);
                o.Conventions.AuthorizeFolder("/City", CityPolicy);
                o.Conventions.AuthorizeFolder("/Chamber", ChamberPolicy);
                o.Conventions.AuthorizePage("/Account/Password");
                o.Conventions.AddPageApplicationModelConvention(
                    "/Account/Password",
                    m => m.EndpointMetadata.Add(AllowedBeforePasswordChangeAttribute.Instance));
                o.Conventions.AddPageApplicationModelConvention("/SignOut", m => m.EndpointMetadata.Add(AllowedBeforePasswordChangeAttribute.Instance));
                o.Conventions.AddPageApplicationModelConvention("/SignIn", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(SignInPageRateLimit)));
            })
            .AddViewLocalization();
        services.AddScoped<SiteText>();
        // Japanese pages as text, not &#x…; entities (a quarter of the bytes, readable source); markup characters are still encoded.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o =>
        {
            o.AddPolicy(SignInPageRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientNetwork.Partition(http.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("get"));
            var apiRejected = o.OnRejected;
            o.OnRejected = (context, ct) =>
            {
                // A page form gets its page back with the message, not a problem document.
                if (!UsesBearer(context.HttpContext))
                {
                    context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
                    context.HttpContext.Response.Headers.Location = context.HttpContext.Request.Path + "?limited=true";
                    return ValueTask.CompletedTask;
                }

                return apiRejected?.Invoke(context, ct) ?? ValueTask.CompletedTask;
            };
        });
    }

    private static Task ApiStatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    public static void UseSiteHeaders(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var headers = http.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(), payment=()";
            // Swagger UI and the Hangfire dashboard ship their own inline scripts; every other response gets the strict policy.
            if (!http.Request.Path.StartsWithSegments("/api-docs") && !http.Request.Path.StartsWithSegments("/hangfire"))
            {
                headers[HeaderNames.XFrameOptions] = "DENY";
                headers[HeaderNames.ContentSecurityPolicy] =
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
                    "media-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; font-src 'self'; object-src 'none'; " +
                    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
            }

            await next();
        });
    }

    public static void MapSite(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
    }

    public static IAntiforgery Antiforgery(this HttpContext http) => http.RequestServices.GetRequiredService<IAntiforgery>();
}
