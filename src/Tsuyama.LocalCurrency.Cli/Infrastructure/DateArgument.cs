using System.Globalization;

namespace Tsuyama.LocalCurrency.Cli.Infrastructure;

internal static class DateArgument
{
    /// <summary>Only the unambiguous ISO form: 04/05 means different days to different operators.</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
