using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Site;

/// <summary>Issues the page cookie for a user of the Identity store, with the same claims the API's token carries.</summary>
public sealed class PageSignIn(UserManager<LedgerUser> users)
{
    public async Task SignInAsync(HttpContext http, Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("Signed-in user vanished.");
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

        await http.SignInAsync(IdentityConstants.ApplicationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(claims, IdentityConstants.ApplicationScheme)),
            new AuthenticationProperties { IsPersistent = true });
    }
}
