using System.Text;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation.Reports;

/// <summary>Writes the report set for <c>simulate --out</c>: HTML report, merchant page, CSV and JSON.</summary>
public static class ReportWriter
{
    public const string ReportFile = "report.html";
    public const string MerchantSummaryFile = "merchant-summary.html";
    public const string ResultFile = "result.json";

    /// <summary>Builds the self-contained HTML report (also served by the API's /report).</summary>
    public static string BuildHtml(Scenario scenario, SimulationResult result) => HtmlReport.Build(scenario, result);

    /// <summary>The one-page merchant summary as a document of its own (print it, hand it out).</summary>
    public static string BuildMerchantSummary(Scenario scenario, SimulationResult result) => MerchantSummary.Page(scenario, result);

    /// <summary>The merchant summary's body only, for a page that has its own frame.</summary>
    public static string BuildMerchantSummarySection(Scenario scenario, SimulationResult result) => MerchantSummary.Section(scenario, result);

    public const string MerchantSummaryHeading = MerchantSummary.Heading;

    /// <summary>The CSV files of the report set by name (sectors.csv …); write them as UTF-8 with BOM.</summary>
    public static IReadOnlyList<(string Name, string Text)> BuildCsv(Scenario scenario, SimulationResult result) =>
        [.. CsvExport.Files(scenario, result)];

    /// <summary>
    /// The inside of a report built by <see cref="BuildHtml"/>, for a page that shows it inline under its own
    /// styles (a strict content policy would drop the report's inline &lt;style&gt; anyway).
    /// </summary>
    public static string BodyOf(string reportHtml)
    {
        ArgumentNullException.ThrowIfNull(reportHtml);
        var start = reportHtml.IndexOf("<body>", StringComparison.Ordinal);
        var end = reportHtml.LastIndexOf("</body>", StringComparison.Ordinal);
        return start >= 0 && end > start ? reportHtml[(start + "<body>".Length)..end] : reportHtml;
    }

    /// <summary>A bar chart (inline SVG, no script) for pages outside the report.</summary>
    public static string BarChart(IReadOnlyList<string> labels, IReadOnlyList<double> values, string title, Func<double, string> axisLabel) =>
        SvgCharts.BarChart(labels, values, title, axisLabel);

    /// <summary>Horizontal bars with a value label each (inline SVG, no script).</summary>
    public static string HorizontalBars(IReadOnlyList<string> labels, IReadOnlyList<double> values, string title, Func<double, string> label) =>
        SvgCharts.HorizontalBars(labels, values, title, label);

    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(string directory, Scenario scenario, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var written = new List<string>();

        written.Add(WriteText(directory, ReportFile, HtmlReport.Build(scenario, result), utf8));
        written.Add(WriteText(directory, MerchantSummaryFile, MerchantSummary.Page(scenario, result), utf8));
        written.Add(WriteText(directory, ResultFile, ResultJson.Serialize(result), utf8));
        written.AddRange(CsvExport.Write(directory, scenario, result));
        return written;
    }

    public const string ComparisonFile = "comparison.html";
    public const string SweepFile = "sweep.html";

    /// <summary>Writes comparison.html and comparison.csv; returns the paths.</summary>
    public static IReadOnlyList<string> WriteComparison(string directory, ComparisonResult comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        Directory.CreateDirectory(directory);
        return
        [
            WriteText(directory, ComparisonFile, ComparisonReport.Comparison(comparison), new UTF8Encoding(false)),
            WriteText(directory, "comparison.csv", ComparisonReport.ComparisonCsv(comparison), new UTF8Encoding(true)),
        ];
    }

    /// <summary>Writes sweep.html and sweep.csv; returns the paths.</summary>
    public static IReadOnlyList<string> WriteSweep(string directory, SweepResult sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        Directory.CreateDirectory(directory);
        return
        [
            WriteText(directory, SweepFile, ComparisonReport.Sweep(sweep), new UTF8Encoding(false)),
            WriteText(directory, "sweep.csv", ComparisonReport.SweepCsv(sweep), new UTF8Encoding(true)),
        ];
    }

    private static string WriteText(string directory, string name, string text, Encoding encoding)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text, encoding);
        return path;
    }
}
