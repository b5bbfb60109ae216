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
        Row(body, "新たに生まれた消費（R1 × 新たな消費の割合）", Yen(expected.InducedConsumptionYen));
        Row(body, "ポイント1点あたりの受け渡し回数", Ratio(expected.HandoversPerPoint));
        if (result.Uncertainty is { } u)
        {
            Row(body, "LM3 の幅（入力の不確かさ、5%〜95%）", $"{Ratio(u.Lm3.P5)} 〜 {Ratio(u.Lm3.P95)}");
        }

        body.Append("</table>");
        body.Append(CostBenefitSection(result.CostBenefit, scenario));
        if (result.IoEffects is { } io)
        {
            body.Append(IoSection(io));
        }

        if (result.Uncertainty is { } uncertainty)
        {
            body.Append(UncertaintySection(uncertainty, expected, result.CostBenefit));
        }

        body.Append("<h2>ラウンド別の地域内取引額</h2><p>R1 は市民の買い物、R2 以降はお店が地元の仕入先などに支払った額です。</p>");
        var shown = expected.Rounds.Take(10).ToList();
        body.Append(SvgCharts.BarChart(shown.Select((_, i) => $"R{i + 1}").ToList(), shown.Select(v => (double)v).ToList(), "ラウンド別の地域内取引額", v => Man(v)));

        body.Append("<h2>業種間のお金の流れ</h2><p>線の太さは、全ラウンドを通じて支払われる金額の見込みに比例します。</p>");
        body.Append(SvgCharts.FlowDiagram(
            scenario.Sectors.Select(s => (s.Id, s.Name)).ToList(),
            expected.Flows.Select(f => (f.From, f.To, f.Yen)).ToList(),
            "業種間のお金の流れ"));

        body.Append("<h2>業種別の効果</h2><table><tr><th>業種</th><th>加盟店数</th><th>取引額（期待値）</th><th>取引額（モンテカルロ平均）</th>")
            .Append("<th>1店あたり（中央値／上位10%）</th><th>1万円あたり他の地元事業者へ</th></tr>");
        var mcSectors = mc.Sectors.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var (sector, r) in scenario.Sectors.Zip(expected.Sectors))
        {
            body.Append($"<tr><td>{Html(sector.Name)}</td><td class=\"n\">{Count(sector.Merchants)}</td><td class=\"n\">{Html(Yen(r.TurnoverYen))}</td>")
                .Append($"<td class=\"n\">{Html(Yen(mcSectors[sector.Id].TurnoverYen))}</td>")
                .Append($"<td class=\"n\">{Html(Yen(mcSectors[sector.Id].MerchantTurnoverP50Yen))}")
                .Append($"／{Html(Yen(mcSectors[sector.Id].MerchantTurnoverP90Yen))}</td>")
                .Append($"<td class=\"n\">{Html(Yen(r.PerTenThousandYen))}</td></tr>");
        }

        body.Append("</table>");

        body.Append("<h2>LM3 の分布（モンテカルロ：乱数によるばらつき）</h2>");
        body.Append($"<p>入力を固定したまま、市民とお店の動きを乱数で {Html(Count(mc.Runs))} 回試した結果です。幅（5%〜95%：{Ratio(mc.Lm3.P5)}〜{Ratio(mc.Lm3.P95)}）は")
            .Append("<strong>乱数によるばらつき</strong>で、入力がどれだけ不確かかは表しません（それは「入力の不確かさ」の節です）。</p>");
        body.Append(SvgCharts.Histogram(mc.Lm3.Samples, expected.Lm3, "LM3 の分布"));
        body.Append("<h2>乗数の分布（モンテカルロ：乱数によるばらつき）</h2>");
        body.Append(SvgCharts.Histogram(mc.Multiplier.Samples, expected.Multiplier, "乗数の分布"));

        body.Append(OutstandingSection(scenario, mc));

        body.Append($"<h2>{Html(MerchantSummary.Heading)}</h2>").Append(MerchantSummary.Section(scenario, result));
        body.Append(Assumptions(scenario));
        body.Append(Method());
        return Document(Title, body.ToString());
    }

    /// <summary>The points-outstanding curve with the expiry date, when shops redeem, and velocity in days.</summary>
    internal static string OutstandingSection(Scenario scenario, MonteCarloResult mc)
    {
        var html = new StringBuilder("<h2>流通ポイント残高の推移</h2><p>市民の財布とお店の口座にあるポイントの合計（全試行の平均）。");
        html.Append(scenario.ExpiresOn is { } last
            ? $"有効期限は <strong>{IsoDate(last)}</strong>（{IsoDate(scenario.StartDate!.Value)} から {Count(scenario.ExpiryDays)} 日間）で、"
            : $"有効期間は {Count(scenario.ExpiryDays)} 日で、")
            .Append("期限までに使われなかったポイントが失効します。");
        var cutoff = scenario.MonteCarlo.SettlementCutoffEveryDays;
        html.Append(cutoff > 0
            ? $"お店のポイントは {Count(cutoff)} 日ごとの精算（締め日の翌日）でまとめて換金されるため、残高は階段状に減ります。"
            : "お店のポイントは換金を決めた日に換金されます（精算日を待たない仮定）。");
        html.Append(scenario.MonteCarlo.SpendingCurve is null
            ? "市民の使う時期は、販売直後に多い既定の曲線（出典はシナリオの説明を参照）です。</p>"
            : "市民の使う時期はシナリオの spendingCurve によります。</p>");
        html.Append(SvgCharts.LineChart(mc.OutstandingPoints, mc.ExpiryDay, "流通ポイント残高の推移", scenario.StartDate));
        var v = mc.Velocity;
        html.Append("<h2>お金の回る速さ（日数）</h2><table>");
        Row(html, "ポイントが次に渡されるまでの平均日数", $"{Days(v.DaysPerHandover)}日");
        Row(html, "市民が買ってから使うまでの平均日数", $"{Days(v.MeanDaysInWallets)}日");
        Row(html, "お店が受け取ってから次に渡す（送金）・換金されるまでの平均日数", $"{Days(v.MeanDaysWithShops)}日");
        return html.Append("</table>").ToString();
    }

    private static string IsoDate(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Days(double days) => days.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    public static string Document(string title, string body) =>
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{Html(title)}</title><style>{Style}</style></head><body>{body}</body></html>";

    private const string Style =
        "body{font-family:'Hiragino Sans','Noto Sans JP','Yu Gothic',sans-serif;max-width:780px;margin:2em auto;padding:0 1em;color:#222;line-height:1.7}" +
        "h1{font-size:1.6em;border-bottom:3px solid #2f7f6f}h2{font-size:1.25em;margin-top:2em;border-left:6px solid #2f7f6f;padding-left:.5em}" +
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em .6em}th{background:#e8f3f0}td.n{text-align:right}" +
        "svg{width:100%;height:auto;margin:.5em 0}.note{color:#666;font-size:.9em}.merchant li{margin:.4em 0;font-size:1.1em}";

    private static string CostBenefitSection(CostBenefitResult cb, Scenario scenario)
    {
        var html = new StringBuilder("<h2>市の費用と効果</h2><table>");
        Row(html, "プレミアム（市の負担）", Oku(cb.PremiumYen));
        Row(html, cb.AdminGiven ? "事務費" : "事務費（シナリオに記載なし：0円として計算）", Oku(cb.AdminYen));
        Row(html, "新たに生まれた消費", Oku(cb.InducedConsumptionYen));
        Row(html, "新たな消費が生む地域内の取引（全ラウンド）", Oku(cb.InducedTurnoverYen));
        Row(html, "純効果（新たな消費 − プレミアム − 事務費）", Oku(cb.NetEffectYen));
        Row(html, "費用対効果（新たな消費 ÷ 市の費用）", cb.BenefitCostRatio is { } r ? Ratio(r) : "—");
        Row(html, cb.CashHandoutConsumptionShare is { } share
                ? $"同じ予算 {Oku(cb.BudgetYen)} を現金で配った場合の消費（消費に回る割合 {Percent(share)}）"
                : "同じ予算を現金で配った場合の消費（割合がシナリオにないため計算しません）",
            cb.CashHandoutConsumptionYen is { } cash ? Oku(cash) : "—");
        return html.Append("</table>")
            .Append($"<p class=\"note\">新たな消費の割合 {Html(Percent(scenario.NetNewConsumptionShare))} はシナリオの入力です（出典は simulations/scenarios/README.md）。")
            .Append("プレミアムは発行ポイントと販売額の差で、使われずに失効した分も差し引いていません。</p>").ToString();
    }

    private static string IoSection(IoEffectsResult io)
    {
        var html = new StringBuilder("<h2>産業連関表による経済波及効果</h2>");
        if (io.Illustrative)
        {
            html.Append("<p class=\"warn\">この表は<strong>例示用</strong>で、実在の産業連関表ではありません。計算方法を示すためのもので、金額は実際の効果ではありません。")
                .Append("岡山県の産業連関表を読み込む手順は simulations/io-tables/README.md にあります。</p>");
        }

        html.Append($"<p>新たに生まれた消費 {Html(Oku(io.FinalDemandYen))} を最終需要として、{Html(io.Table)} で計算しました。</p>");
        html.Append("<table><tr><th></th><th>生産誘発額</th><th>粗付加価値誘発額</th><th>雇用者所得誘発額</th><th>誘発就業者数</th></tr>");
        foreach (var (label, e) in new[] { ("直接効果", io.Direct), ("第1次間接波及効果", io.FirstIndirect), ("第2次間接波及効果", io.SecondIndirect), ("合計", io.Total) })
        {
            html.Append($"<tr><th>{label}</th><td class=\"n\">{Html(Oku(e.Production))}</td><td class=\"n\">{Html(Oku(e.ValueAdded))}</td>")
                .Append($"<td class=\"n\">{Html(Oku(e.EmployeeIncome))}</td>")
                .Append($"<td class=\"n\">{e.Workers.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}人</td></tr>");
        }

        return html.Append($"</table><p class=\"note\">波及倍率（生産誘発額 ÷ 最終需要）{Ratio(io.ProductionRippleRatio)}。出典：{Html(io.Source)}</p>").ToString();
    }

    private static string UncertaintySection(UncertaintyResult u, ExpectedFlowResult expected, CostBenefitResult cb)
    {
        var html = new StringBuilder("<h2>入力の不確かさ</h2>");
        html.Append($"<p>入力の多くは測定値ではなく仮定です。下の入力に幅を与え、{Html(Count(u.Draws))} 通りに選び直して計算しました。")
            .Append("これが<strong>答えの本当の幅</strong>です（モンテカルロの幅は乱数のばらつきにすぎません）。</p>");
        html.Append("<table><tr><th></th><th>5%</th><th>中央値</th><th>95%</th></tr>");
        void Line(string label, Interval? i, Func<double, string> format)
        {
            if (i is not null)
            {
                html.Append($"<tr><th>{Html(label)}</th><td class=\"n\">{Html(format(i.P5))}</td>")
                    .Append($"<td class=\"n\">{Html(format(i.P50))}</td><td class=\"n\">{Html(format(i.P95))}</td></tr>");
            }
        }

        Line("LM3", u.Lm3, Ratio);
        Line("地域内乗数", u.Multiplier, Ratio);
        Line("新たに生まれた消費", u.InducedConsumptionYen, v => Oku(v));
        Line("純効果", u.NetEffectYen, v => Oku(v));
        Line("費用対効果", u.BenefitCostRatio, Ratio);
        Line("生産誘発額（産業連関表）", u.IoTotalProductionYen, v => Oku(v));
        html.Append("</table>");

        html.Append("<h3>LM3 を最も動かす入力</h3>");
        html.Append(SvgCharts.Tornado(Bars(u.Tornado.Lm3), expected.Lm3, "LM3 のトルネード図", Ratio));
        html.Append("<h3>純効果を最も動かす入力</h3>");
        html.Append(SvgCharts.Tornado(Bars(u.Tornado.NetEffectYen), cb.NetEffectYen, "純効果のトルネード図", v => Oku(v)));

        html.Append("<table><tr><th>入力</th><th>低</th><th>中</th><th>高</th><th>根拠</th></tr>");
        foreach (var r in u.Ranges)
        {
            html.Append($"<tr><td>{Html(InputLabel(r.Parameter))}</td><td class=\"n\">{Html(Number(r.Low))}</td><td class=\"n\">{Html(Number(r.Likely))}</td>")
                .Append($"<td class=\"n\">{Html(Number(r.High))}</td><td class=\"note\">{Html(r.Source ?? "（記載なし）")}</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static List<TornadoBarView> Bars(IReadOnlyList<TornadoBar> bars) =>
        bars.Select(b => new TornadoBarView(InputLabel(b.Parameter), b.AtLow, b.AtHigh)).ToList();

    private static string Number(double value) =>
        Math.Abs(value) >= 10_000 ? Oku(value) : value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    private static string InputLabel(string parameter) => parameter switch
    {
        "netNewConsumptionShare" => "新たな消費の割合",
        "breakageShare" => "使われずに失効する割合",
        "smallBusinessAdditionality" => "専用券が中小店の売上を上乗せする度合い",
        "sectors.*.localRespendShare.shift" => "全業種の地域内再支出（円）±",
        "sectors.*.pointsLocalRespendShare.shift" => "全業種の地域内再支出（ポイント）±",
        "sectors.*.respendInPointsShare.shift" => "全業種のポイント払いの割合 ±",
        "costBenefit.adminYen" => "事務費",
        "costBenefit.adminShareOfIssued" => "事務費（発行額に対する割合）",
        "redemptionFeeRate" => "換金手数料",
        "merchantTransferFeeRate" => "店間送金手数料",
        "premiumRate" => "プレミアム率",
        _ => parameter,
    };

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
        "<li><strong>モンテカルロ</strong>：市民とお店一軒一軒を日単位で動かし、乱数の種を変えて何度も試行します。平均は期待値モデルと一致します。" +
        "その 5%〜95% は乱数によるばらつきで、入力の不確かさではありません。</li>" +
        "<li><strong>入力の不確かさ</strong>：シナリオの入力に幅（低・中・高）を与え、三角分布から何千通りも選んで期待値モデルを解き直した結果です。" +
        "トルネード図は、入力を一つずつ低・高にしたときの動きの大きい順です。</li>" +
        "<li><strong>純効果</strong>：新たに生まれた消費 − プレミアム − 事務費（内閣府 2017年の2015年プレミアム付商品券の効果検証と同じ計算）。</li>" +
        "<li><strong>LM3</strong>：(R1 + R2 + R3) ÷ R1。<strong>乗数</strong>：全ラウンドの地域内取引額 ÷ R1。</li>" +
        "<li><strong>1万円あたり</strong>：その業種のお店で1万円使われたとき、その後に地域の事業者（同じ業種の他店を含む）が受け取る額の合計です。</li>" +
        "</ul>";
}
