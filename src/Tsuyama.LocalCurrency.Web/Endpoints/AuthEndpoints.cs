using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Web.Hosting;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

internal static class AuthEndpoints
{
    public sealed record TokenRequest(string? Email, string? Password);

    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueTokenAsync)
            .AllowAnonymous()
            .RequireRateLimiting(WebServices.TokenRateLimit)
            .WithTags("Auth")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    /// <summary>
    /// Wrong e-mail and wrong password give the same answer, so the endpoint does not tell which
    /// addresses are registered.
    /// </summary>
    private static async Task<IResult> IssueTokenAsync(TokenRequest body, UserManager<LedgerUser> users)
    {
        if (string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrEmpty(body.Password))
        {
            return Problems.From(Error.Validation(new Dictionary<string, string[]>
            {
                ["email"] = ["is required"],
                ["password"] = ["is required"],
            }));
        }

        var user = await users.FindByEmailAsync(body.Email.Trim());
        if (user is null || !await users.CheckPasswordAsync(user, body.Password))
        {
            return Problems.From(new Error(ProblemTypes.Unauthorized, "サインインできません / Sign-in failed", "The e-mail address or password is wrong.", 401));
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.Email ?? ""),
        };
        claims.AddRange((await users.GetRolesAsync(user)).Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.MerchantId is { } merchantId)
        {
            claims.Add(new Claim(Caller.MerchantIdClaim, merchantId.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, IdentityConstants.BearerScheme));
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
