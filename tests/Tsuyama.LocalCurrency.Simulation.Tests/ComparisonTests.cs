using System.Text.Json;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Simulation.Comparisons;
using Tsuyama.LocalCurrency.Simulation.ExpectedFlow;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation.Tests;

public class ComparisonTests
{
    private static Scenario File(string name) => ScenarioLoader.Load(TestScenarios.RepositoryFile("simulations", "scenarios", name));

    [Fact]
    public void Compare_BaselineAndGeneralOnly_GivesEachScenariosFiguresAndTheDifference()
    {
        var baseline = File("tsuyama-baseline.json");
        var generalOnly = File("tsuyama-general-only.json");

        var result = ScenarioComparison.Compare([baseline, generalOnly]);

        var lm3 = result.Headline.Single(f => f.Figure == "lm3");
        var exactBaseline = ExpectedFlowEngine.Solve(FlowModel.From(baseline)).Lm3;
        var exactGeneral = ExpectedFlowEngine.Solve(FlowModel.From(generalOnly)).Lm3;
        lm3.Values.Should().Equal(exactBaseline, exactGeneral);
        lm3.DifferenceFromFirst[1].Should().BeApproximately(exactGeneral - exactBaseline, 1e-12);
        result.Headline.Select(f => f.Figure).Should().Contain(["multiplier", "netEffectYen", "benefitCostRatio", "ioTotalProductionYen"]);
        var retail = result.Sectors.Single(s => s.Id == "retail-small");
        retail.TurnoverDifferenceFromFirst[1].Should().BeNegative("without small-business-only points less lands in small retail");
        result.Scenarios.Should().Equal(baseline.Name, generalOnly.Name);
    }

    [Fact]
    public void Compare_WithOneScenario_IsRejected()
    {
        var act = () => ScenarioComparison.Compare([File("tsuyama-baseline.json")]);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle(e => e.Contains("from 2 to", StringComparison.Ordinal));
    }

    [Fact]
    public void Sweep_PremiumRate_CountsItsPointsAndLosesNetEffectAsThePremiumGrows()
    {
        var baseline = File("tsuyama-baseline.json");

        var sweep = ScenarioComparison.Sweep(baseline, "premiumRate", 0.1, 0.3, 0.05);

        sweep.Points.Select(p => p.Value).Should().Equal(0.1, 0.15, 0.2, 0.25, 0.3);
        // Each extra yen of premium induces only 0.357 × (1 − breakage) yen of consumption and costs 1.0406 yen.
        sweep.Points.Should().BeInDescendingOrder(p => p.NetEffectYen);
        var atBaseline = ExpectedFlowEngine.Solve(FlowModel.From(baseline));
        sweep.Points[^1].Lm3.Should().BeApproximately(atBaseline.Lm3, 1e-12, "30 % is the baseline's own premium");
    }

    [Fact]
    public void Sweep_TransferFee_LowersTheMultiplier()
    {
        var sweep = ScenarioComparison.Sweep(File("tsuyama-merchant-transfers.json"), "merchantTransferFeeRate", 0, 0.01, 0.0025);

        sweep.Points.Should().HaveCount(5);
        sweep.Points.Should().BeInDescendingOrder(p => p.Multiplier);
        JsonNode.Parse(JsonSerializer.Serialize(sweep, ResultJson.Options))!["points"]![0]!["netEffectYen"].Should().NotBeNull();
    }

    [Theory]
    [InlineData("premiumRate=0.1:0.3", "must look like name=lo:hi:step")]
    [InlineData("=0:1:0.1", "must look like name=lo:hi:step")]
    [InlineData("premiumRate=a:0.3:0.1", "must look like name=lo:hi:step")]
    public void ParseSweep_WhenMalformed_SaysHowItShouldLook(string text, string message)
    {
        var act = () => ScenarioComparison.ParseSweep(text);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Single().Should().Contain(message);
    }

    [Theory]
    [InlineData("injection.unitsSold", 1, 2, 1, "is not an input that can vary")]
    [InlineData("breakageShare", 0.5, 0.1, 0.1, "needs from ≤ to")]
    [InlineData("breakageShare", 0, 0.5, 0, "a step above 0")]
    [InlineData("breakageShare", 0, 1.5, 0.5, "within 0")]
    [InlineData("breakageShare", 0, 0.5, 0.00001, "at most 1000 points")]
    public void Sweep_WhenTheRangeIsWrong_SaysWhy(string parameter, double from, double to, double step, string message)
    {
        var act = () => ScenarioComparison.Sweep(File("tsuyama-baseline.json"), parameter, from, to, step);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle(e => e.Contains(message, StringComparison.Ordinal));
    }
}
