using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Tsuyama.LocalCurrency.Features.Identity;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Site;

/// <summary>Issues the page cookie for a user the SignIn use case accepted, with the API token's claims (<see cref="UserClaims"/>).</summary>
internal static class PageSignIn
{
    public static Task SignInAsync(this HttpContext http, SignedInUser user) =>
        http.SignInAsync(IdentityConstants.ApplicationScheme, UserClaims.ToPrincipal(user, IdentityConstants.ApplicationScheme),
            new AuthenticationProperties { IsPersistent = true });

    public static string HomeOf(SignedInUser user) => user switch
    {
        { PasswordChangeRequired: true } => "/account/password",
        _ when user.Roles.Contains(Common.Roles.Merchant) || user.Roles.Contains(Common.Roles.Clerk) => "/shop",
        _ when user.Roles.Contains(Common.Roles.Admin) || user.Roles.Contains(Common.Roles.Counter) => "/city",
        _ when user.Roles.Contains(Common.Roles.Chamber) => "/chamber",
        _ => "/wallet",
    };
}
