using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Simulation.Results;

namespace Tsuyama.LocalCurrency.Simulation.Tests;

public class ResultJsonTests
{
    [Fact]
    public void Serialize_UsesTheDesignContractFieldNames()
    {
        var result = SimulationRunner.Run(TestScenarios.Load(TestScenarios.ThreeSectorJson()), runs: 5);

        var json = JsonNode.Parse(ResultJson.Serialize(result))!.AsObject();

        var expected = json["expected"]!.AsObject();
        foreach (var name in new[] { "r1Yen", "rounds", "lm3", "multiplier", "totalLocalTurnoverYen", "inducedConsumptionYen", "handoversPerPoint", "sectors" })
        {
            expected.ContainsKey(name).Should().BeTrue($"expected.{name} is in the contract");
        }

        expected["rounds"]!.AsArray().Count.Should().BeGreaterThan(3);
        expected["r1Yen"]!.GetValue<long>().Should().Be(result.Expected.R1Yen);
        var sector = expected["sectors"]![0]!.AsObject();
        sector["id"]!.GetValue<string>().Should().Be("retail");
        sector.ContainsKey("turnoverYen").Should().BeTrue();
        sector.ContainsKey("perTenThousandYen").Should().BeTrue();

        var monteCarlo = json["monteCarlo"]!.AsObject();
        monteCarlo["runs"]!.GetValue<int>().Should().Be(5);
        foreach (var measure in new[] { "lm3", "multiplier" })
        {
            var summary = monteCarlo[measure]!.AsObject();
            foreach (var stat in new[] { "mean", "p5", "p50", "p95" })
            {
                summary.ContainsKey(stat).Should().BeTrue($"monteCarlo.{measure}.{stat} is in the contract");
            }

            summary.ContainsKey("samples").Should().BeFalse("per-run samples go to CSV, not JSON");
        }
    }

    [Fact]
    public void Percentile_InterpolatesBetweenRanks()
    {
        double[] sorted = [1, 2, 3, 4, 5];

        Distribution.Percentile(sorted, 0.5).Should().Be(3);
        Distribution.Percentile(sorted, 0.05).Should().BeApproximately(1.2, 1e-12);
        Distribution.Percentile(sorted, 0.95).Should().BeApproximately(4.8, 1e-12);
    }
}
