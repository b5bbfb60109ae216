using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Features.Identity;
using Tsuyama.LocalCurrency.Features.Identity.Sessions;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>
/// What <c>/auth/token</c> and <c>/auth/refresh</c> return. The access token is ASP.NET's bearer
/// token (data-protected, not looked up per request), so it lives only <c>Auth:AccessTokenLifetime</c>;
/// the refresh token is the core's revocable session token.
/// </summary>
public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt,
    bool PasswordChangeRequired);

internal sealed class BearerTokens(IOptionsMonitor<BearerTokenOptions> bearer, IOptions<AuthOptions> auth, TimeProvider clock)
{
    public TokenResponse Issue(SignedInUser user, SessionTokens session)
    {
        var lifetime = auth.Value.AccessTokenLifetime;
        var principal = UserClaims.ToPrincipal(user, IdentityConstants.BearerScheme, session.SessionId);
        var properties = new AuthenticationProperties { IssuedUtc = clock.GetUtcNow(), ExpiresUtc = clock.GetUtcNow() + lifetime };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
        var token = bearer.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);
        return new TokenResponse("Bearer", token, (long)lifetime.TotalSeconds, session.RefreshToken, session.ExpiresAt, user.PasswordChangeRequired);
    }
}
