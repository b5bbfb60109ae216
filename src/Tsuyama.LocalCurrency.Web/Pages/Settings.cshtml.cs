using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages;

/// <summary>The header's language and text-size switches and the footer's contrast switch; each flips one cookie.</summary>
public sealed class SettingsModel : PageModel
{
    public IActionResult OnPost(string? setting, string? returnUrl)
    {
        var current = SiteSettings.From(Request);
        var options = new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(400),
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            IsEssential = true,
        };
        switch (setting)
        {
            case "ja" or "en":
                Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(setting == "en" ? SiteServices.English : SiteServices.Japanese)), options);
                break;
            case "large-text":
                Response.Cookies.Append(SiteSettings.LargeTextCookie, current.LargeText ? "normal" : "large", options);
                break;
            case "contrast":
                Response.Cookies.Append(SiteSettings.ContrastCookie, current.HighContrast ? "normal" : "high", options);
                break;
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
