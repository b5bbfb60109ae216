namespace Tsuyama.LocalCurrency.Features.Identity;

/// <summary>
/// Bound from the <c>Auth</c> configuration section. Lockout (failures, duration) is ASP.NET
/// Identity's own <c>Identity:Lockout</c> section; see docs/decisions (sign-in and tokens).
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Life of a bearer access token; it is not looked up per request, so this bounds a revoked one.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Life of a refresh token; every refresh issues a new one with a new lifetime.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
}
