using System.Text.Json.Nodes;
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

    [Theory]
    [InlineData("tsuyama-baseline.json", 1.464, 1.530)]
    [InlineData("tsuyama-merchant-transfers.json", 1.632, 1.759)]
    [InlineData("tsuyama-general-only.json", 1.427, 1.487)]
    public void ScenarioFiles_GiveTheFiguresTheReadmeTable(string file, double lm3, double multiplier)
    {
        var result = ExpectedFlowEngine.Solve(FlowModel.From(ScenarioLoader.Load(ScenarioPath(file))));

        result.Lm3.Should().BeApproximately(lm3, 0.0005);
        result.Multiplier.Should().BeApproximately(multiplier, 0.0005);
    }

    [Theory]
    [InlineData("tsuyama-general-only.json", new[] { "name", "injection.pointsPerUnit.general", "injection.pointsPerUnit.smallBusiness" })]
    [InlineData(
        "tsuyama-merchant-transfers.json", new[] { "name", "redemptionFeeRate", "sectors[].respendInPointsShare", "sectors[].pointsLocalRespendShare" })]
    public void Variants_DifferFromTheBaselineOnlyInWhatTheyCompare(string file, string[] allowed)
    {
        var baseline = JsonNode.Parse(File.ReadAllText(ScenarioPath("tsuyama-baseline.json")))!;
        var variant = JsonNode.Parse(File.ReadAllText(ScenarioPath(file)))!;

        var differences = new List<string>();
        Diff(baseline, variant, string.Empty, differences);

        differences.Should().NotBeEmpty().And.OnlyContain(d => allowed.Contains(d), "a variant changes only what it compares");
    }

    [Theory]
    [InlineData("tsuyama-baseline.json")]
    [InlineData("tsuyama-merchant-transfers.json")]
    [InlineData("tsuyama-general-only.json")]
    public void ScenarioFiles_PointsLocalRespendShareFollowsTheReadmeRule(string file)
    {
        foreach (var s in ScenarioLoader.Load(ScenarioPath(file)).Sectors)
        {
            // A point passed on to a supplier is local spending on top of the yen re-spend of what is redeemed.
            var rule = s.LocalRespendShare / (1 - (s.RespendInPointsShare * (1 - s.LocalRespendShare)));
            s.PointsLocalRespendShare.Should().BeApproximately(rule, 0.0005, s.Id);
        }
    }

    [Fact]
    public void Variants_RankAsTheReadmeSays()
    {
        double Lm3(string file) => ExpectedFlowEngine.Solve(FlowModel.From(ScenarioLoader.Load(ScenarioPath(file)))).Lm3;

        var baseline = Lm3("tsuyama-baseline.json");
        Lm3("tsuyama-merchant-transfers.json").Should().BeGreaterThan(baseline);
        Lm3("tsuyama-general-only.json").Should().BeLessThan(baseline);
    }

    private static void Diff(JsonNode? a, JsonNode? b, string path, List<string> differences)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)))
            {
                Diff(oa[key], ob[key], path.Length == 0 ? key : $"{path}.{key}", differences);
            }
        }
        else if (a is JsonArray aa && b is JsonArray ab && aa.Count == ab.Count)
        {
            for (var i = 0; i < aa.Count; i++)
            {
                Diff(aa[i], ab[i], path + "[]", differences);
            }
        }
        else if (!JsonNode.DeepEquals(a, b))
        {
            differences.Add(path);
        }
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
        }

        // With smallBusinessAdditionality 0.4 the large chains get 60 % of their unconstrained share plus 40 % of
        // their share of the general points alone: 0.44 × (0.6 + 0.4 × 6,000 / 13,000).
        var chains = scenario.Sectors.Select((s, i) => (s, i)).Single(p => p.s.Id == "large-chains").i;
        (model.InjectionBySector()[chains] / model.R1).Should().BeApproximately(0.44 * (0.6 + (0.4 * 6000 / 13000)), 1e-12);
    }
}
