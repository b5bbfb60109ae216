using System.Text.RegularExpressions;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Chamber;

/// <summary>
/// The scenario loader speaks English with field paths (for the CLI and the API); the console shows the
/// same problems in the page's language, recognised by the wording of each rule.
/// </summary>
internal static class ScenarioMessages
{
    private static readonly Regex Got = new(@"\(got (?<value>[^)]*)\)", RegexOptions.CultureInvariant);

    // Most specific first: "must be a share between 0 and 1" before "is required" etc.
    private static readonly (string Phrase, string Key)[] Rules =
    [
        ("must sum to 1", "Chamber.Rule.SumToOne"),
        ("must be a share between 0 and 1", "Chamber.Rule.Share"),
        ("must be at least 0 and below 1", "Chamber.Rule.Fee"),
        ("must be a positive whole number", "Chamber.Rule.Positive"),
        ("must be a positive number", "Chamber.Rule.Positive"),
        ("must be zero or more", "Chamber.Rule.ZeroOrMore"),
        ("is used by more than one sector", "Chamber.Rule.DuplicateId"),
        ("names unknown sector id", "Chamber.Rule.UnknownSector"),
        ("must be \"small\" or \"large\"", "Chamber.Rule.Size"),
        ("(\"small\" or \"large\")", "Chamber.Rule.Size"),
        ("must issue some points", "Chamber.Rule.NoPoints"),
        ("where those points could be spent", "Chamber.Rule.NoSmallSector"),
        ("every small sector has residentSpendShare 0", "Chamber.Rule.NoSmallSector"),
        ("residents must be between", "Chamber.Rule.Residents"),
        ("is empty but", "Chamber.Rule.NoSuppliers"),
        ("has no table sector for", "Chamber.Rule.IoCodeMissing"),
        ("has no sector code", "Chamber.Rule.IoCodeUnknown"),
        ("never leaves the region", "Chamber.Rule.Trapped"),
        ("must list at least one sector", "Chamber.Rule.NoSectors"),
        ("must be at most", "Chamber.Rule.TooManyRuns"),
        ("must be from 1 to", "Chamber.Rule.TooManyRuns"),
        ("is required", "Chamber.Rule.Required"),
    ];

    public static string Translate(string message, SiteText text)
    {
        var got = Got.Match(message) is { Success: true } m ? m.Groups["value"].Value : "";
        foreach (var (phrase, key) in Rules)
        {
            if (message.Contains(phrase, StringComparison.Ordinal))
            {
                var said = text[key, got];
                return got.Length > 0 && !said.Contains(got, StringComparison.Ordinal) ? $"{said} ({text["Chamber.Rule.Got", got]})" : said;
            }
        }

        // A rule this list does not know yet: say so plainly and keep the loader's own words as the detail.
        return text["Chamber.Rule.Other", message];
    }
}
