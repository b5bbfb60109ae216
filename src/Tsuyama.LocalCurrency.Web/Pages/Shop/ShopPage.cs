using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Papers;
using Tsuyama.LocalCurrency.Features.Settlements;
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

    /// <summary>The shop itself as the reader of its settlements and papers; the use cases refuse a clerk.</summary>
    protected PaperReader Reader => PaperReader.Shop(MerchantId, User.Scope());

    /// <summary>
    /// The printable papers carry their own print CSS inline and no script: they get a policy of their own
    /// (no script at all, inline style only) instead of the site's, which would print them unstyled.
    /// </summary>
    public const string PaperPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>A statement or paper: HTML opens in the browser to print, CSV downloads; a refusal ends on the 403 page.</summary>
    protected IActionResult PaperFile(Result<SettlementFile> result)
    {
        if (!result.IsSuccess)
        {
            return IsForbidden(result.Error) ? Denied() : NotFound();
        }

        var file = result.Value;
        if (file.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            Response.Headers.ContentSecurityPolicy = PaperPolicy;
            return File(file.Content, file.ContentType);
        }

        return File(file.Content, file.ContentType, file.FileName);
    }

    protected static PaperFormat? Format(string? format) => format?.ToLowerInvariant() switch
    {
        null or "" or "html" => PaperFormat.Html,
        "csv" => PaperFormat.Csv,
        _ => null,
    };
}
