namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

/// <summary>
/// A browser test: reported as skipped, with the reason, where Debian's Chromium is not installed
/// (never passed without having run). <c>.ci/run</c> installs it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = $"SKIPPED: {ChromiumPath} is missing (apt-get install chromium fonts-noto-cjk, as .ci/run does).";
        }
    }
}
