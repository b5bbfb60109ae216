namespace Tsuyama.LocalCurrency.Web.Site;

/// <summary>文字を大きく and high contrast, kept in cookies so they persist without an account.</summary>
public sealed record SiteSettings(bool LargeText, bool HighContrast)
{
    public const string LargeTextCookie = "tlc-text";
    public const string ContrastCookie = "tlc-contrast";

    public string HtmlClass => string.Join(' ', new[] { LargeText ? "text-large" : null, HighContrast ? "contrast-high" : null }.OfType<string>());

    public static SiteSettings From(HttpRequest request) =>
        new(request.Cookies[LargeTextCookie] == "large", request.Cookies[ContrastCookie] == "high");
}
