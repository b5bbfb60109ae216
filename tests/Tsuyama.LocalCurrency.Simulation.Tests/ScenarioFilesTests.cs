using Tsuyama.LocalCurrency.Simulation.ExpectedFlow;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation.Tests;

public class ScenarioFilesTests
{
    private static string ScenarioPath(string file) => TestScenarios.RepositoryFile("simulations", "scenarios", file);

    [Fact]
    public void Baseline_LoadsAndDescribesTsuyama()
    {
        var scenario = ScenarioLoader.Load(ScenarioPath("tsuyama-baseline.json"));

        scenario.Sectors.Sum(s => s.Merchants).Should().Be(560);
        scenario.Injection.UnitPriceYen.Should().Be(10_000);
        (scenario.Injection.PointsPerUnit.General + scenario.Injection.PointsPerUnit.SmallBusiness).Should().Be(13_000, "30 % premium");
        scenario.NetNewConsumptionShare.Should().Be(0.357);
    }

    [Fact]
    public void Baseline_HasLm3InThePublishedRange()
    {
        var result = ExpectedFlowEngine.Solve(FlowModel.From(ScenarioLoader.Load(ScenarioPath("tsuyama-baseline.json"))));

        result.Lm3.Should().BeInRange(1.36, 2.08);
        result.Multiplier.Should().BeGreaterThan(result.Lm3);
    }

    [Fact]
    public void Variants_LoadAndRankAsTheReadmeSays()
    {
        double Lm3(string file) => ExpectedFlowEngine.Solve(FlowModel.From(ScenarioLoader.Load(ScenarioPath(file)))).Lm3;

        var baseline = Lm3("tsuyama-baseline.json");
        Lm3("tsuyama-merchant-transfers.json").Should().BeGreaterThan(baseline);
        Lm3("tsuyama-general-only.json").Should().BeLessThan(baseline);
    }

    [Fact]
    public void Baseline_SmallBusinessPointsLandOnlyInSmallSectors()
    {
        var scenario = ScenarioLoader.Load(ScenarioPath("tsuyama-baseline.json"));
        var model = FlowModel.From(scenario);

        for (var i = 0; i < scenario.Sectors.Count; i++)
        {
            if (scenario.Sectors[i].Size == SectorSize.Large)
            {
                model.SmallBusinessBySector[i].Should().Be(0);
            }

            // The small points fit inside the small sectors' share, so every target is met exactly.
            (model.InjectionBySector()[i] / model.R1).Should().BeApproximately(scenario.Sectors[i].ResidentSpendShare, 1e-12);
        }
    }
}
