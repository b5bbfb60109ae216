using System.Security.Claims;
using Tsuyama.LocalCurrency.Features.Identity;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>
/// The one mapping from a signed-in user to claims, for the bearer tokens of the API and the
/// cookies of the web pages alike; <see cref="Caller"/> reads them back.
/// </summary>
internal static class UserClaims
{
    /// <summary>The bearer session (refresh token) the access token belongs to; cookies have none.</summary>
    public const string SessionIdClaim = "sid";

    public const string PasswordChangeRequiredClaim = "password_change_required";

    /// <summary>ASP.NET Identity's claim type, so its tooling recognises it.</summary>
    public const string SecurityStampClaim = "AspNet.Identity.SecurityStamp";

    public static ClaimsPrincipal ToPrincipal(SignedInUser user, string authenticationType, Guid? sessionId = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.UserId.ToString()),
            new(ClaimTypes.Name, user.Email),
            new(SecurityStampClaim, user.SecurityStamp),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.MerchantId is { } merchantId)
        {
            claims.Add(new Claim(Caller.MerchantIdClaim, merchantId.ToString()));
        }

        if (user.PasswordChangeRequired)
        {
            claims.Add(new Claim(PasswordChangeRequiredClaim, "true"));
        }

        if (sessionId is { } id)
        {
            claims.Add(new Claim(SessionIdClaim, id.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    public static bool PasswordChangeRequired(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == PasswordChangeRequiredClaim);

    public static string? SecurityStamp(this ClaimsPrincipal user) => user.FindFirstValue(SecurityStampClaim);

    public static Guid? SessionId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(SessionIdClaim), out var id) ? id : null;
}
