using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;
using Tsuyama.LocalCurrency.Simulation.Uncertainty;

namespace Tsuyama.LocalCurrency.Simulation.Tests;

public class UncertaintyTests
{
    private static JsonObject Range(string parameter, double low, double high, double? likely = null)
    {
        var range = new JsonObject { ["parameter"] = parameter, ["low"] = low, ["high"] = high };
        if (likely is not null)
        {
            range["likely"] = likely;
        }

        return range;
    }

    private static JsonObject WithRanges(JsonObject json, int draws, params JsonObject[] ranges)
    {
        json["uncertainty"] = new JsonObject { ["draws"] = draws, ["seed"] = 11, ["ranges"] = new JsonArray(ranges) };
        return json;
    }

    // One sector at 50 % re-spend, 13,000 points per ¥10,000 set, ¥100,000 administration.
    private static JsonObject KnownScenario(params JsonObject[] ranges)
    {
        var json = TestScenarios.OneSectorJson(0.5);
        json["injection"]!["pointsPerUnit"]!["general"] = 13_000;
        json["costBenefit"] = new JsonObject { ["adminYen"] = 100_000 };
        return WithRanges(json, 10_000, ranges);
    }

    [Fact]
    public void Tornado_RanksTheInputsByTheirKnownEffectOnEachFigure()
    {
        var scenario = TestScenarios.Load(KnownScenario(
            Range("sectors.shops.localRespendShare", 0.3, 0.7),
            Range("netNewConsumptionShare", 0.3, 0.4),
            Range("breakageShare", 0, 0.05)));

        var tornado = ParameterUncertainty.Run(scenario)!.Tornado;

        // LM3 and the multiplier are ratios to R1: only the re-spend share moves them.
        tornado.Lm3.Select(b => b.Parameter).First().Should().Be("sectors.shops.localRespendShare");
        tornado.Lm3[0].AtLow.Should().BeApproximately(1 + 0.3 + 0.09, 1e-12);
        tornado.Lm3[0].AtHigh.Should().BeApproximately(1 + 0.7 + 0.49, 1e-12);
        tornado.Lm3.Skip(1).Should().OnlyContain(b => b.Swing < 1e-12);
        tornado.Multiplier[0].Swing.Should().BeApproximately((1 / 0.3) - (1 / 0.7), 1e-12);

        // Net effect = netNew × R1 − cost: netNew moves it by 0.1 × 1.3 M = 130,000; breakage by 0.05 × 1.3 M × 0.357
        // = 23,205; the re-spend share not at all (induced consumption is not turnover).
        tornado.NetEffectYen.Select(b => b.Parameter).Should().Equal("netNewConsumptionShare", "breakageShare", "sectors.shops.localRespendShare");
        tornado.NetEffectYen[0].Swing.Should().BeApproximately(130_000, 1);
        tornado.NetEffectYen[1].Swing.Should().BeApproximately(23_205, 1);
        tornado.NetEffectYen[2].Swing.Should().Be(0);
    }

    [Fact]
    public void Run_GivesTheTriangularQuantilesOfTheMultiplier()
    {
        // r ~ triangular(0.3, 0.5, 0.7): median 0.5 → multiplier 2; P5 at 0.3 + √(0.05 × 0.4 × 0.2) = 0.36325 → 1 / (1 − r).
        var scenario = TestScenarios.Load(KnownScenario(Range("sectors.shops.localRespendShare", 0.3, 0.7)));

        var result = ParameterUncertainty.Run(scenario)!;

        result.Multiplier.P50.Should().BeApproximately(2.0, 0.01);
        result.Multiplier.P5.Should().BeApproximately(1 / (1 - (0.3 + Math.Sqrt(0.004))), 0.01);
        result.Multiplier.P95.Should().BeApproximately(1 / (1 - (0.7 - Math.Sqrt(0.004))), 0.03);
        result.Draws.Should().Be(10_000);
        result.NetEffectYen.P5.Should().Be(result.NetEffectYen.P95, "no range moves the net effect");
    }

    [Fact]
    public void Run_WithTheSameSeed_GivesTheSameIntervalsWhateverTheParallelism()
    {
        var scenario = TestScenarios.Load(KnownScenario(Range("sectors.*.localRespendShare.shift", -0.1, 0.1), Range("netNewConsumptionShare", 0.25, 0.45)));

        var parallel = ParameterUncertainty.Run(scenario, draws: 500)!;
        var serial = ParameterUncertainty.Run(scenario, draws: 500, maxDegreeOfParallelism: 1)!;

        parallel.Should().BeEquivalentTo(serial);
    }

    [Fact]
    public void Triangular_InvertsTheCdf()
    {
        ParameterUncertainty.Triangular(0.0, 1, 2, 4).Should().Be(1);
        ParameterUncertainty.Triangular(1.0, 1, 2, 4).Should().Be(4);
        ParameterUncertainty.Triangular(1.0 / 3, 1, 2, 4).Should().BeApproximately(2, 1e-12, "the mode holds (2 − 1)/(4 − 1) of the mass below it");
        ParameterUncertainty.Triangular(0.7, 3, 3, 3).Should().Be(3);
    }

    [Fact]
    public void Parse_WhenRangesAreWrong_ListsEveryProblem()
    {
        var json = WithRanges(TestScenarios.ThreeSectorJson(), 10,
            Range("sectors.nowhere.localRespendShare", 0.1, 0.2),
            Range("injection.unitsSold", 1, 2),
            Range("netNewConsumptionShare", 0.4, 0.5),
            Range("breakageShare", 0.1, 0.01, likely: 0.05),
            Range("sectors.*.respendInPointsShare.shift", -2, 0.1));

        var act = () => TestScenarios.Load(json);

        var errors = act.Should().Throw<ScenarioValidationException>().Which.Errors;
        errors.Should().Contain(e => e.Contains("no sector has id \"nowhere\"", StringComparison.Ordinal))
            .And.Contain(e => e.Contains("\"injection.unitsSold\" is not an input that can vary", StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith("uncertainty.ranges[2] (netNewConsumptionShare): needs low ≤ likely ≤ high", StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith("uncertainty.ranges[3] (breakageShare): needs low", StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith(
                "uncertainty.ranges[4] (sectors.*.respendInPointsShare.shift): low and high must lie within -1…1", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenARangeEndTrapsMoney_IsRejected()
    {
        var json = WithRanges(TestScenarios.OneSectorJson(0.5), 10, Range("sectors.shops.localRespendShare", 0.4, 1.0));

        var act = () => TestScenarios.Load(json);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should()
            .ContainSingle(e => e.Contains("never leaves the region", StringComparison.Ordinal));
    }

    [Fact]
    public void Parameter_PremiumRate_KeepsTheSmallBusinessShareOfThePoints()
    {
        var scenario = TestScenarios.Load(TestScenarios.ThreeSectorJson()); // 6,000 + 7,000 for ¥10,000
        var premium = ScenarioParameter.Parse("premiumRate", scenario, out _)!;

        premium.Get(scenario).Should().BeApproximately(0.3, 1e-12);
        var at20 = premium.Apply(scenario, 0.2).Injection.PointsPerUnit;

        (at20.General + at20.SmallBusiness).Should().Be(12_000);
        at20.SmallBusiness.Should().Be((long)Math.Round(12_000 * 7.0 / 13));
    }

    [Fact]
    public void Parameter_Shift_MovesEverySectorAndClampsAtTheDomain()
    {
        var scenario = TestScenarios.Load(TestScenarios.ThreeSectorJson()); // local re-spend 0.45, 0.6, 0.15, 0.3
        var shift = ScenarioParameter.Parse("sectors.*.localRespendShare.shift", scenario, out _)!;

        var shifted = shift.Apply(scenario, -0.2).Sectors.Select(s => s.LocalRespendShare).ToList();

        shifted.Should().HaveCount(4);
        shifted.Zip(new[] { 0.25, 0.4, 0.0, 0.1 }).Should().OnlyContain(p => Math.Abs(p.First - p.Second) < 1e-12, "0.15 − 0.2 clamps at 0");
    }

    [Fact]
    public void Run_PutsUncertaintyInTheResultJson()
    {
        var scenario = TestScenarios.Load(KnownScenario(Range("netNewConsumptionShare", 0.3, 0.4)));

        var json = JsonNode.Parse(ResultJson.Serialize(SimulationRunner.Run(scenario, runs: 2)))!["uncertainty"]!;

        foreach (var figure in new[] { "lm3", "multiplier", "netEffectYen", "benefitCostRatio" })
        {
            foreach (var stat in new[] { "p5", "p50", "p95" })
            {
                json[figure]![stat].Should().NotBeNull($"uncertainty.{figure}.{stat} is in the contract");
            }
        }

        json["tornado"]!["lm3"]![0]!["parameter"]!.GetValue<string>().Should().Be("netNewConsumptionShare");
    }
}
