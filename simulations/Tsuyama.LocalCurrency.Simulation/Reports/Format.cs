using System.Globalization;
using System.Net;

namespace Tsuyama.LocalCurrency.Simulation.Reports;

/// <summary>Number and text formatting shared by the HTML, SVG and CSV writers.</summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>HTML-encodes text from the scenario (names are typed by people and may contain markup).</summary>
    public static string Html(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Yen(long yen) => yen.ToString("N0", Invariant) + "円";

    /// <summary>Large amounts in 万円 with one decimal, as Japanese readers expect.</summary>
    public static string Man(double yen) => (yen / 10_000).ToString("N1", Invariant) + "万円";

    /// <summary>Amounts as people say them: 約9.5億円, 約3,200万円, 8,500円 (negative amounts keep their sign).</summary>
    public static string Oku(double yen)
    {
        var sign = yen < 0 ? "−" : string.Empty;
        var a = Math.Abs(yen);
        return a >= 100_000_000 ? $"約{sign}{(a / 100_000_000).ToString(a >= 1e10 ? "N0" : "N1", Invariant)}億円"
            : a >= 10_000 ? $"約{sign}{Math.Round(a / 10_000).ToString("N0", Invariant)}万円"
            : $"{sign}{Math.Round(a).ToString("N0", Invariant)}円";
    }

    public static string Count(long value) => value.ToString("N0", Invariant);

    public static string Ratio(double value) => value.ToString("0.000", Invariant);

    public static string Percent(double share) => (share * 100).ToString("0.#", Invariant) + "%";

    /// <summary>SVG coordinates: invariant culture, two decimals.</summary>
    public static string N(double value) => value.ToString("0.##", Invariant);

    public static string Csv(double value) => value.ToString("R", Invariant);

    public static string Csv(long value) => value.ToString(Invariant);

    /// <summary>Quotes a CSV field when it holds a separator, quote or line break (RFC 4180).</summary>
    public static string CsvText(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
