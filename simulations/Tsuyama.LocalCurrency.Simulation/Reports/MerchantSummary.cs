using System.Text;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;
using static Tsuyama.LocalCurrency.Simulation.Reports.Format;

namespace Tsuyama.LocalCurrency.Simulation.Reports;

/// <summary>One printable page for merchants, in plain Japanese: amounts as people say them, one chart, no advice the model does not support.</summary>
internal static class MerchantSummary
{
    public const string Heading = "お店の皆さまへ：商品券のお金は地域をめぐります";

    /// <summary>The body, also embedded in the full report.</summary>
    public static string Section(Scenario scenario, SimulationResult result)
    {
        var expected = result.Expected;
        var html = new StringBuilder();
        var units = scenario.Injection.UnitsSold;
        html.Append($"<p class=\"big\">商品券 {Html(Count(units))} 冊で、市民のお買い物 <strong>{Html(Oku(expected.R1Yen))}</strong> が、")
            .Append($"お店どうしの取引を合わせて地域の中で <strong>{Html(Oku(expected.TotalLocalTurnoverYen))}</strong> 動くと見込まれます。</p>");

        // The comparison that persuades: a typical small shop against a large chain, where the scenario has both.
        var bySize = scenario.Sectors.Zip(expected.Sectors).Where(p => p.First.ResidentSpendShare > 0).ToList();
        var small = bySize.Where(p => p.First.Size == SectorSize.Small).OrderByDescending(p => p.First.ResidentSpendShare).FirstOrDefault();
        var large = bySize.Where(p => p.First.Size == SectorSize.Large).OrderByDescending(p => p.First.ResidentSpendShare).FirstOrDefault();
        if (small.First is not null && large.First is not null)
        {
            html.Append($"<p class=\"big\">1万円のお買い物のうち、地元の他の事業者に回るのは、<strong>{Html(small.First.Name)}なら {Html(Yen(small.Second.PerTenThousandYen))}</strong>、")
                .Append($"{Html(large.First.Name)}なら {Html(Yen(large.Second.PerTenThousandYen))} です。</p>");
        }

        html.Append(SvgCharts.HorizontalBars(
            expected.Sectors.Select(s => s.Name).ToList(),
            expected.Sectors.Select(s => (double)s.PerTenThousandYen).ToList(),
            "1万円あたり、地元の他の事業者に回る額",
            v => Yen((long)Math.Round(v))));

        html.Append("<ul class=\"merchant\">");
        foreach (var sector in expected.Sectors)
        {
            html.Append($"<li><strong>{Html(sector.Name)}</strong>：お店で1万円使われると、地域の他のお店に <strong>{Html(Yen(sector.PerTenThousandYen))}</strong> が回ります。</li>");
        }

        html.Append("</ul>");
        html.Append($"<p>このうち、商品券がなければ生まれなかった新しい消費は <strong>{Html(Oku(result.CostBenefit.InducedConsumptionYen))}</strong> です")
            .Append($"（商品券で買ったものの {Html(Percent(scenario.NetNewConsumptionShare))} が新たな消費という国の調査に基づきます）。</p>");
        html.Append("<p>なぜ差が出るのか：地元から仕入れ、地元の人を雇うお店ほど、受け取ったお金が地域の中でもう一度使われます。")
            .Append("受け取ったポイントは加盟店でしか使えないため、ポイントのまま地元の仕入先に支払えば、その分は必ず地域に残ります。</p>");
        if (result.Uncertainty is { } u)
        {
            html.Append("<p class=\"note\">見込みには幅があります（入力の不確かさを考えると、地域内で動く額の 5%〜95% は ")
                .Append($"{Html(Oku(u.TotalLocalTurnoverYen.P5))}〜{Html(Oku(u.TotalLocalTurnoverYen.P95))}）。</p>");
        }

        return html.ToString();
    }

    public static string Page(Scenario scenario, SimulationResult result) =>
        HtmlReport.Document(
            Heading,
            $"<h1>{Html(Heading)}</h1><p class=\"note\">シナリオ：{Html(scenario.Name)}</p>" + Section(scenario, result) +
            "<p class=\"note\">数値はシミュレーションによる見込みで、実際の結果を保証するものではありません。</p>");
}
