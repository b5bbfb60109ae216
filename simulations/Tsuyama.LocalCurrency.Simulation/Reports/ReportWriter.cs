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
