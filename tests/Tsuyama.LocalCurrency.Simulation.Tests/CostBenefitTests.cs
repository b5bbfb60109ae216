using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Simulation.CostBenefit;
using Tsuyama.LocalCurrency.Simulation.ExpectedFlow;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation.Tests;

public class CostBenefitTests
{
    // 100 sets of ¥10,000 for 13,000 points, one sector re-spending 80 %: R1 = ¥1.3 M, multiplier 5.
    private static JsonObject ThirtyPercentPremium(JsonObject costBenefit)
    {
        var json = TestScenarios.OneSectorJson(0.8);
        json["injection"]!["pointsPerUnit"]!["general"] = 13_000;
        json["costBenefit"] = costBenefit;
        return json;
    }

    private static CostBenefitResult Compute(JsonObject json)
    {
        var scenario = TestScenarios.Load(json);
        return CostBenefitCalculator.Compute(scenario, ExpectedFlowEngine.Solve(FlowModel.From(scenario)));
    }

    [Fact]
    public void Compute_WithAdminYen_GivesTheCabinetOfficeNetEffect()
    {
        var result = Compute(ThirtyPercentPremium(new JsonObject { ["adminYen"] = 100_000, ["cashHandoutConsumptionShare"] = 0.25 }));

        result.PremiumYen.Should().Be(300_000);
        result.AdminYen.Should().Be(100_000);
        result.InducedConsumptionYen.Should().Be(464_100, "0.357 × 1,300,000");
        result.InducedTurnoverYen.Should().Be(2_320_500, "induced consumption × multiplier 5");
        result.NetEffectYen.Should().Be(64_100, "464,100 − 300,000 − 100,000");
        result.BenefitCostRatio.Should().BeApproximately(464_100 / 400_000.0, 1e-12);
        result.CashHandoutConsumptionYen.Should().Be(100_000, "the same ¥400,000 budget as cash, 25 % spent");
        result.AdminGiven.Should().BeTrue();
    }

    [Fact]
    public void Compute_WithAdminShareOfIssued_TakesItOfThePointsIssued()
    {
        var result = Compute(ThirtyPercentPremium(new JsonObject { ["adminShareOfIssued"] = 0.05 }));

        result.AdminYen.Should().Be(65_000);
        result.CashHandoutConsumptionYen.Should().BeNull("the scenario gives no consumption share for cash");
    }

    [Fact]
    public void Compute_WithoutCostInputs_CountsNoAdministrationAndSaysSo()
    {
        var json = ThirtyPercentPremium(new JsonObject());
        json.Remove("costBenefit");

        var result = Compute(json);

        result.AdminYen.Should().Be(0);
        result.AdminGiven.Should().BeFalse();
        result.NetEffectYen.Should().Be(164_100);
    }

    [Fact]
    public void Parse_WhenBothAdminFormsAreGiven_IsRejected()
    {
        var json = ThirtyPercentPremium(new JsonObject { ["adminYen"] = 1, ["adminShareOfIssued"] = 0.1, ["cashHandoutConsumptionShare"] = 1.5 });

        var act = () => TestScenarios.Load(json);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should()
            .Contain("costBenefit: give adminYen or adminShareOfIssued, not both")
            .And.Contain(e => e.StartsWith("costBenefit.cashHandoutConsumptionShare must be a share", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_PutsCostBenefitInTheResultJson()
    {
        var result = SimulationRunner.Run(TestScenarios.Load(ThirtyPercentPremium(new JsonObject { ["adminYen"] = 100_000 })), runs: 2);

        var json = JsonNode.Parse(ResultJson.Serialize(result))!["costBenefit"]!.AsObject();

        string[] contract =
            ["premiumYen", "adminYen", "inducedConsumptionYen", "inducedTurnoverYen", "netEffectYen", "benefitCostRatio", "cashHandoutConsumptionYen"];
        foreach (var name in contract)
        {
            json.ContainsKey(name).Should().BeTrue($"costBenefit.{name} is in the contract");
        }
    }
}
