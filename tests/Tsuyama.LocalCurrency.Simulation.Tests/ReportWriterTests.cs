using System.Text;
using Tsuyama.LocalCurrency.Simulation.Reports;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation.Tests;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tsuyama-sim-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private IReadOnlyList<string> WriteThreeSectorReport()
    {
        var scenario = TestScenarios.Load(TestScenarios.ThreeSectorJson());
        var result = SimulationRunner.Run(scenario, runs: 12);
        return ReportWriter.Write(_directory, scenario, result);
    }

    [Fact]
    public void Write_ProducesAJapaneseReportWithEveryChart()
    {
        WriteThreeSectorReport();

        var html = File.ReadAllText(Path.Combine(_directory, ReportWriter.ReportFile));
        html.Should().Contain("<html lang=\"ja\">")
            .And.Contain("地域通貨 循環シミュレーション報告書")
            .And.Contain("<h2>概要</h2>")
            .And.Contain("<h2>ラウンド別の地域内取引額</h2>")
            .And.Contain("<h2>業種間のお金の流れ</h2>")
            .And.Contain("<h2>LM3 の分布（モンテカルロ：乱数によるばらつき）</h2>")
            .And.Contain("<h2>乗数の分布（モンテカルロ：乱数によるばらつき）</h2>")
            .And.Contain("<h2>市の費用と効果</h2>")
            .And.Contain("<h2>流通ポイント残高の推移</h2>")
            .And.Contain("お店で1万円使われると、地域の他のお店に");
        CountOf(html, "<svg ").Should().Be(6, "five charts and the merchant page's one");
        html.Should().NotContain("入力の不確かさ</h2>", "the scenario gives no ranges").And.NotContain("産業連関表による経済波及効果");
    }

    [Fact]
    public void Write_WithRangesAndAnIllustrativeTable_SeparatesInputUncertaintyAndWarnsAboutTheTable()
    {
        var scenario = ScenarioLoader.Load(TestScenarios.RepositoryFile("simulations", "scenarios", "tsuyama-baseline.json"));
        var result = SimulationRunner.Run(scenario with { Uncertainty = scenario.Uncertainty! with { Draws = 50 } }, runs: 2);

        ReportWriter.Write(_directory, scenario, result);

        var html = File.ReadAllText(Path.Combine(_directory, ReportWriter.ReportFile));
        html.Should().Contain("<h2>入力の不確かさ</h2>").And.Contain("LM3 のトルネード図").And.Contain("純効果のトルネード図")
            .And.Contain("<h2>産業連関表による経済波及効果</h2>").And.Contain("<strong>例示用</strong>")
            .And.Contain("第2次間接波及効果").And.Contain("乱数によるばらつき");
        html.Should().Contain("参議院答弁書", "each range's source is shown");
    }

    [Fact]
    public void MerchantPage_SaysAmountsAsPeopleDoAndComparesASmallShopWithAChain()
    {
        var scenario = ScenarioLoader.Load(TestScenarios.RepositoryFile("simulations", "scenarios", "tsuyama-baseline.json"));
        var result = SimulationRunner.Run(scenario with { Uncertainty = null }, runs: 2);

        ReportWriter.Write(_directory, scenario, result);

        var html = File.ReadAllText(Path.Combine(_directory, ReportWriter.MerchantSummaryFile));
        html.Should().MatchRegex("約[0-9.]+億円").And.Contain("小売（中小）なら 7,159円").And.Contain("大型店（1,000㎡以上）なら 2,347円");
        html.Should().NotContain("近道", "the model does not show transfers to be the way to raise sales").And.NotContain("万円</strong> が地域の中で");
        CountOf(html, "<svg ").Should().Be(1, "one chart");
    }

    [Theory]
    [InlineData(950_000_000, "約9.5億円")]
    [InlineData(51_715_150, "約5,172万円")]
    [InlineData(-49_273_196, "約−4,927万円")]
    [InlineData(7_159, "7,159円")]
    public void Oku_SaysAmountsAsPeopleDo(double yen, string text)
    {
        Format.Oku(yen).Should().Be(text);
    }

    [Fact]
    public void Write_IsSelfContained()
    {
        WriteThreeSectorReport();

        var html = File.ReadAllText(Path.Combine(_directory, ReportWriter.ReportFile));
        html.Should().NotContain("<script").And.NotContain("<link").And.NotContain("src=\"http").And.NotContain("href=\"http");
    }

    [Fact]
    public void Write_HtmlEncodesScenarioText()
    {
        WriteThreeSectorReport();

        foreach (var file in new[] { ReportWriter.ReportFile, ReportWriter.MerchantSummaryFile })
        {
            var html = File.ReadAllText(Path.Combine(_directory, file));
            html.Should().Contain("three sectors &lt;テスト &amp; &quot;引用&quot;&gt;").And.NotContain("<テスト");
        }
    }

    [Fact]
    public void Write_MerchantSummaryHasOneSentencePerSector()
    {
        WriteThreeSectorReport();

        var html = File.ReadAllText(Path.Combine(_directory, ReportWriter.MerchantSummaryFile));
        html.Should().Contain("お店の皆さまへ");
        CountOf(html, "お店で1万円使われると、地域の他のお店に").Should().Be(4);
        html.Should().Contain("retailの店");
    }

    [Fact]
    public void Write_WritesCsvFilesWithUtf8Bom()
    {
        var written = WriteThreeSectorReport();

        var csvs = written.Where(p => p.EndsWith(".csv", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();
        csvs.Should().BeEquivalentTo(["rounds.csv", "sectors.csv", "flows.csv", "distributions.csv", "outstanding.csv"]);
        foreach (var csv in written.Where(p => p.EndsWith(".csv", StringComparison.Ordinal)))
        {
            File.ReadAllBytes(csv).Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        }

        var distributions = File.ReadAllLines(Path.Combine(_directory, "distributions.csv"), Encoding.UTF8);
        distributions[0].Should().Be("試行,LM3,乗数,地域内取引額_円,R1_円,ポイント受け渡し回数");
        distributions.Should().HaveCount(13, "a header and one line per run");
        File.ReadAllLines(Path.Combine(_directory, "sectors.csv"))[1].Should().StartWith("retail,retailの店,中小,12,");
    }

    [Fact]
    public void Write_WritesTheJsonResult()
    {
        WriteThreeSectorReport();

        var json = File.ReadAllText(Path.Combine(_directory, ReportWriter.ResultFile));
        json.Should().Contain("\"expected\"").And.Contain("\"monteCarlo\"");
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
