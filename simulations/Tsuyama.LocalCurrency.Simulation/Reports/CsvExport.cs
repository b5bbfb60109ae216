using System.Text;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;
using static Tsuyama.LocalCurrency.Simulation.Reports.Format;

namespace Tsuyama.LocalCurrency.Simulation.Reports;

/// <summary>CSV files for spreadsheets: UTF-8 with BOM and CRLF, so Excel in Japan opens them correctly.</summary>
internal static class CsvExport
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static IEnumerable<string> Write(string directory, Scenario scenario, SimulationResult result)
    {
        foreach (var (name, text) in Files(scenario, result))
        {
            var path = Path.Combine(directory, name);
            System.IO.File.WriteAllText(path, text, Utf8WithBom);
            yield return path;
        }
    }

    /// <summary>Each CSV file's name and text (CRLF lines; the caller writes it as UTF-8 with BOM).</summary>
    public static IEnumerable<(string Name, string Text)> Files(Scenario scenario, SimulationResult result)
    {
        var expected = result.Expected;
        var mc = result.MonteCarlo;

        yield return CsvFile("rounds.csv", ["ラウンド", "地域内取引額_円", "R1に対する比率"],
            expected.Rounds.Select((yen, i) => new[] { Csv(i + 1L), Csv(yen), Csv(expected.R1Yen > 0 ? yen / (double)expected.R1Yen : 0) }));

        var mcSectors = mc.Sectors.ToDictionary(s => s.Id, StringComparer.Ordinal);
        yield return CsvFile("sectors.csv",
            ["業種ID", "業種名", "規模", "加盟店数", "取引額_円_期待値", "取引額_円_モンテカルロ平均", "1店あたり取引額_円_中央値", "1店あたり取引額_円_上位10%", "1万円あたり他の地元事業者へ_円"],
            scenario.Sectors.Zip(expected.Sectors, (s, r) => new[]
            {
                CsvText(s.Id), CsvText(s.Name), s.Size == SectorSize.Small ? "中小" : "大型", Csv((long)s.Merchants),
                Csv(r.TurnoverYen), Csv(mcSectors[s.Id].TurnoverYen), Csv(mcSectors[s.Id].MerchantTurnoverP50Yen),
                Csv(mcSectors[s.Id].MerchantTurnoverP90Yen), Csv(r.PerTenThousandYen),
            }));

        yield return CsvFile("flows.csv", ["支払う業種ID", "受け取る業種ID", "金額_円"],
            expected.Flows.Select(f => new[] { CsvText(f.From), CsvText(f.To), Csv(f.Yen) }));

        yield return CsvFile("distributions.csv",
            ["試行", "LM3", "乗数", "地域内取引額_円", "R1_円", "ポイント受け渡し回数"],
            Enumerable.Range(0, mc.Lm3.Samples.Count).Select(i => new[]
            {
                Csv(i + 1L), Csv(mc.Lm3.Samples[i]), Csv(mc.Multiplier.Samples[i]), Csv(mc.TurnoverYen.Samples[i]),
                Csv(mc.R1Yen.Samples[i]), Csv(mc.HandoversPerPoint.Samples[i]),
            }));

        // 日付 only with the scenario's startDate; 有効期間内 marks the days points were still valid (the rest is shops' balances).
        yield return CsvFile("outstanding.csv", ["日", "日付", "有効期間内", "流通ポイント残高_平均"],
            mc.OutstandingPoints.Select((points, day) => new[]
            {
                Csv((long)day),
                scenario.StartDate is { } start ? start.AddDays(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "",
                day < scenario.ExpiryDays ? "1" : "0",
                Csv(points),
            }));
    }

    private static (string Name, string Text) CsvFile(string name, string[] header, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', header)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row)).Append("\r\n");
        }

        return (name, text.ToString());
    }
}
