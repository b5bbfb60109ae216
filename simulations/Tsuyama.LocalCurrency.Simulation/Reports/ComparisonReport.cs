using System.Text;
using Tsuyama.LocalCurrency.Simulation.Results;
using static Tsuyama.LocalCurrency.Simulation.Reports.Format;

namespace Tsuyama.LocalCurrency.Simulation.Reports;

/// <summary>HTML and CSV for comparisons and sweeps (exact model only).</summary>
internal static class ComparisonReport
{
    public const string ComparisonTitle = "シナリオ比較";
    public const string SweepTitle = "入力を変えたときの変化";

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["lm3"] = "LM3（最初の3ラウンド ÷ R1）",
        ["multiplier"] = "地域内乗数",
        ["totalLocalTurnoverYen"] = "地域内の取引額の合計",
        ["inducedConsumptionYen"] = "新たに生まれた消費",
        ["inducedTurnoverYen"] = "新たな消費が生む地域内取引",
        ["netEffectYen"] = "純効果（新たな消費 − プレミアム − 事務費）",
        ["benefitCostRatio"] = "費用対効果（新たな消費 ÷ 市の費用）",
        ["ioTotalProductionYen"] = "生産誘発額（産業連関表・合計）",
    };

    public static string Label(string figure) => Labels.TryGetValue(figure, out var label) ? label : figure;

    public static string Value(string figure, double? value) =>
        value is not { } v ? "—" : figure.EndsWith("Yen", StringComparison.Ordinal) ? Oku(v) : Ratio(v);

    public static string Comparison(ComparisonResult result)
    {
        var body = new StringBuilder($"<h1>{Html(ComparisonTitle)}</h1>");
        body.Append("<p class=\"note\">期待値モデル（厳密解）で計算しています。差は1番目のシナリオとの差です。</p>");
        body.Append("<table><tr><th>項目</th>");
        foreach (var name in result.Scenarios)
        {
            body.Append($"<th>{Html(name)}</th>");
        }

        body.Append("</tr>");
        foreach (var figure in result.Headline)
        {
            body.Append($"<tr><th>{Html(Label(figure.Figure))}</th>");
            for (var i = 0; i < figure.Values.Count; i++)
            {
                var diff = i == 0 || figure.DifferenceFromFirst[i] is not { } d ? string.Empty
                    : $"<br><span class=\"note\">（差 {(d >= 0 ? "+" : "−")}{Html(Value(figure.Figure, Math.Abs(d)))}）</span>";
                body.Append($"<td class=\"n\">{Html(Value(figure.Figure, figure.Values[i]))}{diff}</td>");
            }

            body.Append("</tr>");
        }

        body.Append("</table>");
        var lm3 = result.Headline.Single(f => f.Figure == "lm3");
        body.Append("<h2>LM3 の比較</h2>");
        body.Append(SvgCharts.BarChart(result.Scenarios.Select((_, i) => $"シナリオ{i + 1}").ToList(), lm3.Values.Select(v => v ?? 0).ToList(), "LM3 の比較", Ratio));

        body.Append("<h2>業種別の取引額</h2><table><tr><th>業種</th>");
        foreach (var (_, i) in result.Scenarios.Select((n, i) => (n, i)))
        {
            body.Append($"<th>シナリオ{i + 1}</th>");
        }

        body.Append("</tr>");
        foreach (var sector in result.Sectors)
        {
            body.Append($"<tr><td>{Html(sector.Name)}</td>");
            for (var i = 0; i < sector.TurnoverYen.Count; i++)
            {
                var d = sector.TurnoverDifferenceFromFirst[i];
                var diff = i == 0 ? string.Empty : $"<br><span class=\"note\">（差 {(d >= 0 ? "+" : "−")}{Html(Oku(Math.Abs(d)))}）</span>";
                body.Append($"<td class=\"n\">{Html(Oku(sector.TurnoverYen[i]))}{diff}</td>");
            }

            body.Append("</tr>");
        }

        body.Append("</table><ol class=\"note\">");
        foreach (var name in result.Scenarios)
        {
            body.Append($"<li>{Html(name)}</li>");
        }

        return HtmlReport.Document(ComparisonTitle, body.Append("</ol>").ToString());
    }

    public static string Sweep(SweepResult result)
    {
        var body = new StringBuilder($"<h1>{Html(SweepTitle)}：{Html(result.Parameter)}</h1>");
        body.Append($"<p class=\"note\">シナリオ：{Html(result.Scenario)}。期待値モデル（厳密解）で、{Html(result.Parameter)} だけを変えています。</p>");
        var xs = result.Points.Select(p => p.Value).ToList();
        body.Append("<h2>LM3</h2>").Append(SvgCharts.XyChart(xs, result.Points.Select(p => p.Lm3).ToList(), "LM3", result.Parameter, Ratio));
        body.Append("<h2>純効果（新たな消費 − プレミアム − 事務費）</h2>")
            .Append(SvgCharts.XyChart(xs, result.Points.Select(p => (double)p.NetEffectYen).ToList(), "純効果", result.Parameter, v => Oku(v)));
        body.Append($"<table><tr><th>{Html(result.Parameter)}</th><th>LM3</th><th>乗数</th><th>地域内取引額</th><th>新たな消費</th><th>純効果</th><th>費用対効果</th></tr>");
        foreach (var p in result.Points)
        {
            body.Append($"<tr><td class=\"n\">{Html(ScenarioNumber(p.Value))}</td><td class=\"n\">{Ratio(p.Lm3)}</td>")
                .Append($"<td class=\"n\">{Ratio(p.Multiplier)}</td>")
                .Append($"<td class=\"n\">{Html(Oku(p.TotalLocalTurnoverYen))}</td><td class=\"n\">{Html(Oku(p.InducedConsumptionYen))}</td>")
                .Append($"<td class=\"n\">{Html(Oku(p.NetEffectYen))}</td><td class=\"n\">{(p.BenefitCostRatio is { } r ? Ratio(r) : "—")}</td></tr>");
        }

        return HtmlReport.Document(SweepTitle, body.Append("</table>").ToString());
    }

    public static string ComparisonCsv(ComparisonResult result)
    {
        var csv = new StringBuilder();
        csv.Append("項目,").Append(string.Join(',', result.Scenarios.Select(CsvText))).Append("\r\n");
        foreach (var f in result.Headline)
        {
            csv.Append(f.Figure).Append(',').Append(string.Join(',', f.Values.Select(v => v is { } x ? Csv(x) : string.Empty))).Append("\r\n");
        }

        foreach (var s in result.Sectors)
        {
            csv.Append(CsvText("turnoverYen:" + s.Id)).Append(',').Append(string.Join(',', s.TurnoverYen.Select(Csv))).Append("\r\n");
        }

        return csv.ToString();
    }

    public static string SweepCsv(SweepResult result)
    {
        var csv = new StringBuilder(CsvText(result.Parameter))
            .Append(",lm3,multiplier,totalLocalTurnoverYen,inducedConsumptionYen,inducedTurnoverYen,netEffectYen,benefitCostRatio,ioTotalProductionYen\r\n");
        foreach (var p in result.Points)
        {
            csv.Append(string.Join(',', Csv(p.Value), Csv(p.Lm3), Csv(p.Multiplier), Csv(p.TotalLocalTurnoverYen), Csv(p.InducedConsumptionYen),
                Csv(p.InducedTurnoverYen), Csv(p.NetEffectYen), p.BenefitCostRatio is { } r ? Csv(r) : string.Empty,
                p.IoTotalProductionYen is { } io ? Csv(io) : string.Empty)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string ScenarioNumber(double value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
