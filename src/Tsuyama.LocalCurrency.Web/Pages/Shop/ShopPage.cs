using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Pages.Shop;

/// <summary>
/// A shop page acts as the signed-in shop (owner or clerk); the merchant id comes from the sign-in.
/// Owner-only actions are hidden from clerks here, and refused by the use cases when asked anyway.
/// </summary>
public abstract class ShopPage : PageModel
{
    public Guid MerchantId => User.MerchantId() ?? Guid.Empty;

    public bool IsOwner => User.IsInRole(Roles.Merchant);

    /// <summary>A use case's refusal of a clerk (or another shop) ends on the 403 page, not in a form message.</summary>
    protected static bool IsForbidden(Error error) => error.Type == ProblemTypes.Forbidden;

    protected IActionResult Denied() => RedirectToPage("/Denied");
}
