using System.Text;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;
using static Tsuyama.LocalCurrency.Simulation.Reports.Format;

namespace Tsuyama.LocalCurrency.Simulation.Reports;

/// <summary>The full Japanese report: one HTML file, styles and charts inline, nothing fetched.</summary>
internal static class HtmlReport
{
    public const string Title = "地域通貨 循環シミュレーション報告書";

    public static string Build(Scenario scenario, SimulationResult result)
    {
        var expected = result.Expected;
        var mc = result.MonteCarlo;
        var body = new StringBuilder();
        body.Append($"<h1>{Html(Title)}</h1><p class=\"note\">シナリオ：{Html(scenario.Name)}</p>");

        body.Append("<h2>概要</h2><table>");
        Row(body, "市民の商品券利用額（R1）", Yen(expected.R1Yen));
        Row(body, "地域内の取引額の合計", Yen(expected.TotalLocalTurnoverYen));
        Row(body, "地域内乗数（取引額 ÷ R1）", Ratio(expected.Multiplier));
        Row(body, "LM3（最初の3ラウンド ÷ R1）", Ratio(expected.Lm3));
        Row(body, "新たに生まれた消費（純増効果）", Yen(expected.InducedConsumptionYen));
        Row(body, "ポイント1点あたりの受け渡し回数", Ratio(expected.HandoversPerPoint));
        Row(body, $"モンテカルロ {Count(mc.Runs)} 回の LM3（5%〜95%）", $"{Ratio(mc.Lm3.P5)} 〜 {Ratio(mc.Lm3.P95)}（平均 {Ratio(mc.Lm3.Mean)}）");
        Row(body, $"モンテカルロ {Count(mc.Runs)} 回の乗数（5%〜95%）", $"{Ratio(mc.Multiplier.P5)} 〜 {Ratio(mc.Multiplier.P95)}（平均 {Ratio(mc.Multiplier.Mean)}）");
        body.Append("</table>");

        body.Append("<h2>ラウンド別の地域内取引額</h2><p>R1 は市民の買い物、R2 以降はお店が地元の仕入先などに支払った額です。</p>");
        var shown = expected.Rounds.Take(10).ToList();
        body.Append(SvgCharts.BarChart(shown.Select((_, i) => $"R{i + 1}").ToList(), shown.Select(v => (double)v).ToList(), "ラウンド別の地域内取引額", v => Man(v)));

        body.Append("<h2>業種間のお金の流れ</h2><p>線の太さは、全ラウンドを通じて支払われる金額の見込みに比例します。</p>");
        body.Append(SvgCharts.FlowDiagram(
            scenario.Sectors.Select(s => (s.Id, s.Name)).ToList(),
            expected.Flows.Select(f => (f.From, f.To, f.Yen)).ToList(),
            "業種間のお金の流れ"));

        body.Append("<h2>業種別の効果</h2><table><tr><th>業種</th><th>加盟店数</th><th>取引額（期待値）</th><th>取引額（モンテカルロ平均）</th><th>1店あたり（中央値／上位10%）</th><th>1万円あたり他の地元事業者へ</th></tr>");
        var mcSectors = mc.Sectors.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var (sector, r) in scenario.Sectors.Zip(expected.Sectors))
        {
            body.Append($"<tr><td>{Html(sector.Name)}</td><td class=\"n\">{Count(sector.Merchants)}</td><td class=\"n\">{Html(Yen(r.TurnoverYen))}</td>")
                .Append($"<td class=\"n\">{Html(Yen(mcSectors[sector.Id].TurnoverYen))}</td>")
                .Append($"<td class=\"n\">{Html(Yen(mcSectors[sector.Id].MerchantTurnoverP50Yen))}／{Html(Yen(mcSectors[sector.Id].MerchantTurnoverP90Yen))}</td>")
                .Append($"<td class=\"n\">{Html(Yen(r.PerTenThousandYen))}</td></tr>");
        }

        body.Append("</table>");

        body.Append("<h2>LM3 の分布（モンテカルロ）</h2>");
        body.Append(SvgCharts.Histogram(mc.Lm3.Samples, expected.Lm3, "LM3 の分布"));
        body.Append("<h2>乗数の分布（モンテカルロ）</h2>");
        body.Append(SvgCharts.Histogram(mc.Multiplier.Samples, expected.Multiplier, "乗数の分布"));

        body.Append("<h2>流通ポイント残高の推移</h2><p>市民の財布とお店の口座にあるポイントの合計（全試行の平均）。有効期限で使われなかったポイントが失効します。</p>");
        body.Append(SvgCharts.LineChart(mc.OutstandingPoints, scenario.ExpiryDays, "流通ポイント残高の推移"));

        body.Append($"<h2>{Html(MerchantSummary.Heading)}</h2>").Append(MerchantSummary.Section(scenario, result));
        body.Append(Assumptions(scenario));
        body.Append(Method());
        return Document(Title, body.ToString());
    }

    public static string Document(string title, string body) =>
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{Html(title)}</title><style>{Style}</style></head><body>{body}</body></html>";

    private const string Style =
        "body{font-family:'Hiragino Sans','Noto Sans JP','Yu Gothic',sans-serif;max-width:780px;margin:2em auto;padding:0 1em;color:#222;line-height:1.7}" +
        "h1{font-size:1.6em;border-bottom:3px solid #2f7f6f}h2{font-size:1.25em;margin-top:2em;border-left:6px solid #2f7f6f;padding-left:.5em}" +
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em .6em}th{background:#e8f3f0}td.n{text-align:right}" +
        "svg{width:100%;height:auto;margin:.5em 0}.note{color:#666;font-size:.9em}.merchant li{margin:.4em 0;font-size:1.1em}";

    private static void Row(StringBuilder body, string label, string value) =>
        body.Append($"<tr><th>{Html(label)}</th><td class=\"n\">{Html(value)}</td></tr>");

    private static string Assumptions(Scenario scenario)
    {
        var i = scenario.Injection;
        var html = new StringBuilder("<h2>前提条件</h2><table>");
        Row(html, "発行冊数", Count(i.UnitsSold) + "冊");
        Row(html, "1冊の価格", Yen(i.UnitPriceYen));
        Row(html, "1冊のポイント（共通券＋専用券）", $"{Count(i.PointsPerUnit.General)} ＋ {Count(i.PointsPerUnit.SmallBusiness)}");
        Row(html, "有効期間", $"{scenario.ExpiryDays}日");
        Row(html, "使われずに失効する割合", Percent(scenario.BreakageShare));
        Row(html, "新たな消費の割合", Percent(scenario.NetNewConsumptionShare));
        Row(html, "換金手数料 / 店間送金手数料", $"{Percent(scenario.RedemptionFeeRate)} / {Percent(scenario.MerchantTransferFeeRate)}");
        html.Append("</table><table><tr><th>業種</th><th>規模</th><th>市民の支出割合</th><th>地域内で再支出</th><th>うちポイントで支払い</th></tr>");
        foreach (var s in scenario.Sectors)
        {
            html.Append($"<tr><td>{Html(s.Name)}</td><td>{(s.Size == SectorSize.Small ? "中小" : "大型")}</td><td class=\"n\">{Percent(s.ResidentSpendShare)}</td>")
                .Append($"<td class=\"n\">{Percent(s.LocalRespendShare)}</td><td class=\"n\">{Percent(s.RespendInPointsShare)}</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static string Method() =>
        "<h2>用語と計算方法</h2><ul>" +
        "<li><strong>期待値モデル</strong>：業種を吸収マルコフ連鎖の状態とみなし、地域外への流出を吸収として、基本行列 N = (I − Q)⁻¹ から全ラウンドの取引額を正確に計算します。</li>" +
        "<li><strong>モンテカルロ</strong>：市民とお店一軒一軒を日単位で動かし、乱数の種を変えて何度も試行します。平均は期待値モデルと一致し、ばらつきの幅（5%〜95%）を示します。</li>" +
        "<li><strong>LM3</strong>：(R1 + R2 + R3) ÷ R1。<strong>乗数</strong>：全ラウンドの地域内取引額 ÷ R1。</li>" +
        "<li><strong>1万円あたり</strong>：その業種のお店で1万円使われたとき、その後に地域の事業者（同じ業種の他店を含む）が受け取る額の合計です。</li>" +
        "</ul>";
}
