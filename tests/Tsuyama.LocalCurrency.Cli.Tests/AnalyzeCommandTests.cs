using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Cli.Tests;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task SeedAsync()
    {
        var seed = await _cli.RunAsync("seed-demo", "--db", _cli.Db, "--residents", "30", "--payments", "300");
        seed.ExitCode.Should().Be(0, seed.Error);
    }

    [Fact]
    public async Task Analyze_Json_OnASeededDatabase_ReportsCirculationWithSmallSectorsSuppressed()
    {
        await SeedAsync();

        var analyze = await _cli.RunAsync("analyze", "--db", _cli.Db, "--json");

        analyze.ExitCode.Should().Be(0, analyze.Error);
        var report = JsonNode.Parse(analyze.Output)!;
        var totals = report["totals"]!;
        totals["spentByResidents"]!.GetValue<long>().Should().BeGreaterThan(0);
        totals["issued"]!.GetValue<long>().Should().BeGreaterThan(0);
        totals["activeMerchants"]!.GetValue<int>().Should().Be(20);
        report["indicators"]!["handoversPerPoint"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(1);
        // The demo has 9 small shops and 6 large stores but only 2 restaurants, 2 service shops and 1 wholesaler.
        var sectors = report["sectors"]!.AsArray();
        sectors.Select(s => s!["id"]!.GetValue<string>()).Should().Equal("retail-small", "large-chains", "other-suppressed");
        sectors[2]!["merchants"]!.GetValue<int>().Should().Be(5);
        sectors.Sum(s => s!["residentSpend"]!.GetValue<long>()).Should().Be(totals["spentByResidents"]!.GetValue<long>());
        analyze.Output.Should().NotContain("Bakery").And.NotContain("ベーカリー");
    }

    [Fact]
    public async Task Analyze_ScenarioOut_WritesACalibratedScenarioThatSimulateRuns()
    {
        await SeedAsync();
        var path = Path.Combine(_cli.Directory, "out", "calibrated.json");

        var analyze = await _cli.RunAsync("analyze", "--db", _cli.Db, "--scenario-out", path);
        var simulate = await _cli.RunAsync("simulate", path, "--runs", "5", "--json");

        analyze.ExitCode.Should().Be(0, analyze.Error);
        analyze.Output.Should().Contain("Sectors").And.Contain("Calibrated scenario written to").And.Contain("residentSpendShare: observed");
        var scenario = ScenarioLoader.Load(path);
        scenario.Name.Should().Contain("台帳で較正");
        scenario.Sectors.Sum(s => s.ResidentSpendShare).Should().BeApproximately(1, 1e-6);
        simulate.ExitCode.Should().Be(0, simulate.Error);
        JsonNode.Parse(simulate.Output)!["expected"]!["lm3"]!.GetValue<double>().Should().BeGreaterThan(1);
    }

    [Theory]
    [InlineData("--from", "2026/04/01")]
    [InlineData("--to", "tomorrow")]
    public async Task Analyze_WithABadDate_ExitsNonZeroAndSaysHowToWriteIt(string option, string value)
    {
        var analyze = await _cli.RunAsync("analyze", "--db", _cli.Db, option, value);

        analyze.ExitCode.Should().Be(2);
        analyze.Error.Should().Contain($"{option} must be a date written yyyy-MM-dd").And.Contain(value);
    }

    [Fact]
    public async Task Analyze_WhenFromIsAfterTo_ExitsNonZero()
    {
        await SeedAsync();

        var analyze = await _cli.RunAsync("analyze", "--db", _cli.Db, "--from", "2026-05-02", "--to", "2026-05-01");

        analyze.ExitCode.Should().Be(2);
        analyze.Error.Should().Contain("to: must be on or after from");
    }
}
