using System.Text;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;
using static Tsuyama.LocalCurrency.Simulation.Reports.Format;

namespace Tsuyama.LocalCurrency.Simulation.Reports;

/// <summary>One printable page for merchants, in plain Japanese.</summary>
internal static class MerchantSummary
{
    public const string Heading = "お店の皆さまへ：商品券のお金は地域をめぐります";

    /// <summary>The body, also embedded in the full report.</summary>
    public static string Section(Scenario scenario, SimulationResult result)
    {
        var expected = result.Expected;
        var html = new StringBuilder();
        html.Append("<ul class=\"merchant\">");
        foreach (var sector in expected.Sectors)
        {
            html.Append($"<li><strong>{Html(sector.Name)}</strong>：お店で1万円使われると、地域の他のお店に <strong>{Html(Yen(sector.PerTenThousandYen))}</strong> が回ります。</li>");
        }

        html.Append("</ul>");
        var units = scenario.Injection.UnitsSold;
        html.Append($"<p>商品券 {Html(Count(units))} 冊（1冊 {Html(Yen(scenario.Injection.UnitPriceYen))} で ")
            .Append($"{Html(Count(scenario.Injection.PointsPerUnit.General + scenario.Injection.PointsPerUnit.SmallBusiness))} ポイント）を発行すると、")
            .Append($"市民の皆さまのお買い物 {Html(Man(expected.R1Yen))} をきっかけに、地域のお店どうしの取引を合わせて ")
            .Append($"<strong>{Html(Man(expected.TotalLocalTurnoverYen))}</strong> が地域の中で動くと見込まれます（使われた額の {Html(Ratio(expected.Multiplier))} 倍）。</p>");
        html.Append($"<p>そのうち、商品券がなければ生まれなかった新しい消費は約 <strong>{Html(Man(expected.InducedConsumptionYen))}</strong> です")
            .Append($"（商品券で買ったものの {Html(Percent(scenario.NetNewConsumptionShare))} が新たな消費という調査結果に基づきます）。</p>");
        html.Append("<p>受け取ったポイントを地元の仕入先への支払いに使うと、お金がもう一回り地域に残ります。")
            .Append("換金せずに店どうしで送金することが、地域全体の売上を増やす近道です。</p>");
        return html.ToString();
    }

    public static string Page(Scenario scenario, SimulationResult result) =>
        HtmlReport.Document(
            Heading,
            $"<h1>{Html(Heading)}</h1><p class=\"note\">シナリオ：{Html(scenario.Name)}</p>" + Section(scenario, result) +
            "<p class=\"note\">数値はシミュレーションによる見込みで、実際の結果を保証するものではありません。</p>");
}
