using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Simulation.InputOutput;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation.Tests;

public sealed class IoAnalysisTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tsuyama-io-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private const string Inverse = """
        code,A,B,C
        A,1.2,0.1,0.1
        B,0.2,1.1,0.2
        C,0.1,0.1,1.3
        """;

    private const string Sectors = """
        code,name,selfSufficiency,valueAddedRatio,employeeIncomeRatio,workersPerMillionYen,householdConsumptionShare
        A,goods,0.5,0.4,0.2,0.1,0.2
        B,commerce,0.8,0.6,0.4,0.2,0.5
        C,services,0.9,0.5,0.3,0.15,0.3
        """;

    private const string Parameters = """
        key,value
        name,hand example
        illustrative,true
        source,"test, by hand"
        averagePropensityToConsume,0.7
        """;

    [Fact]
    public void Compute_OnThreeSectors_MatchesTheHandCalculation()
    {
        var table = IoTable.Parse(Inverse, Sectors, Parameters, "test");

        var result = IoAnalysis.Compute(table, [0, 1_000_000, 1_000_000]);

        // Direct: d = s ⊙ f = (0, 800,000, 900,000); VA 0.6·800k + 0.5·900k; income 0.4·800k + 0.3·900k;
        // workers 0.2·0.8 + 0.15·0.9.
        result.Direct.Should().Be(new IoEffect { Production = 1_700_000, ValueAdded = 930_000, EmployeeIncome = 590_000, Workers = 0.295 }
            with { Workers = result.Direct.Workers });
        result.Direct.Workers.Should().BeApproximately(0.295, 1e-12);

        // B·d = (170,000, 1,060,000, 1,250,000), minus d: (170,000, 260,000, 350,000).
        result.FirstIndirect.Production.Should().Be(780_000);
        result.FirstIndirect.ValueAdded.Should().Be(399_000, "0.4·170k + 0.6·260k + 0.5·350k");
        result.FirstIndirect.EmployeeIncome.Should().Be(243_000, "0.2·170k + 0.4·260k + 0.3·350k");
        result.FirstIndirect.Workers.Should().BeApproximately(0.1215, 1e-12);

        // Income of both rounds 833,000 × 0.7 = 583,100 spent as (0.2, 0.5, 0.3), × s = (58,310, 233,240, 157,437);
        // B × that = (109,039.7, 299,713.4, 233,823.1).
        result.SecondIndirect.Production.Should().Be(642_576, "109,039.7 + 299,713.4 + 233,823.1 = 642,576.2");
        result.SecondIndirect.ValueAdded.Should().Be(340_355, "0.4·109,039.7 + 0.6·299,713.4 + 0.5·233,823.1 = 340,355.47");
        result.SecondIndirect.EmployeeIncome.Should().Be(211_840, "0.2·109,039.7 + 0.4·299,713.4 + 0.3·233,823.1 = 211,840.23");
        result.SecondIndirect.Workers.Should().BeApproximately(0.10592012, 1e-8);

        result.Total.Production.Should().Be(3_122_576);
        result.ProductionRippleRatio.Should().BeApproximately(3_122_576.2 / 2_000_000, 1e-9);
        result.FinalDemandYen.Should().Be(2_000_000);
    }

    [Fact]
    public void Builtin_IllustrativeTable_IsMarkedIllustrativeAndHasAnAverageRippleNearOkayamas()
    {
        var table = IoTable.Builtin("illustrative-3sector")!;

        table.Illustrative.Should().BeTrue();
        table.Name.Should().Contain("例示");
        var n = table.Sectors.Count;
        var averageColumnSum = Enumerable.Range(0, n).Average(j => Enumerable.Range(0, n).Sum(i => table.Inverse[i, j]));
        averageColumnSum.Should().BeApproximately(1.339, 0.0005, "the README quotes it next to Okayama's 1.332");
    }

    [Fact]
    public void Parse_WhenTheTableIsBroken_ListsEveryProblem()
    {
        var inverse = Inverse.Replace("C,0.1,0.1,1.3", "C,0.1,-0.1,0.9", StringComparison.Ordinal);
        var sectors = Sectors.Replace("0.15,0.3", "0.15,0.9", StringComparison.Ordinal);

        var act = () => IoTable.Parse(inverse, sectors, "key,value\nname,x\n", "t");

        var errors = act.Should().Throw<IoTableException>().Which.Errors;
        errors.Should().Contain(e => e.Contains("column B must be at least 0", StringComparison.Ordinal))
            .And.Contain(e => e.Contains("column C must be at least 1", StringComparison.Ordinal))
            .And.Contain(e => e.Contains("householdConsumptionShare must sum to 1", StringComparison.Ordinal))
            .And.Contain(e => e.Contains("averagePropensityToConsume is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenAQuoteIsNotClosed_NamesTheLineInsteadOfGuessing()
    {
        var act = () => IoTable.Parse(Inverse, Sectors, Parameters + "\nsource,\"unclosed\n", "t");

        act.Should().Throw<IoTableException>().Which.Errors.Should()
            .Contain(e => e.Contains("parameters.csv line", StringComparison.Ordinal) && e.Contains("not closed", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenTheInverseIsNotSquareOrCodesDiffer_SaysSo()
    {
        var act = () => IoTable.Parse("code,A,B,X\nA,1,0,0\nB,0,1,0\n", Sectors, Parameters, "t");

        act.Should().Throw<IoTableException>().Which.Errors.Should()
            .Contain(e => e.Contains("must be square", StringComparison.Ordinal))
            .And.Contain(e => e.Contains("same order", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_WithABuiltinTable_PutsIoEffectsOfTheInducedConsumptionInTheResult()
    {
        var json = TestScenarios.OneSectorJson(0.5);
        json["inputOutput"] = new JsonObject { ["table"] = "illustrative-3sector", ["sectorMap"] = new JsonObject { ["shops"] = "02" } };

        var result = SimulationRunner.Run(TestScenarios.Load(json), runs: 1);

        result.IoEffects!.FinalDemandYen.Should().Be(result.CostBenefit.InducedConsumptionYen);
        result.IoEffects.Direct.Production.Should().Be((long)Math.Round(result.CostBenefit.InducedConsumptionYen * 0.85));
        result.IoEffects.Illustrative.Should().BeTrue();
        var node = JsonNode.Parse(ResultJson.Serialize(result))!["ioEffects"]!;
        foreach (var effect in new[] { "direct", "firstIndirect", "secondIndirect", "total" })
        {
            foreach (var measure in new[] { "production", "valueAdded", "employeeIncome", "workers" })
            {
                node[effect]![measure].Should().NotBeNull($"ioEffects.{effect}.{measure} is in the contract");
            }
        }
    }

    [Fact]
    public void Load_FromAFile_ResolvesTheTableDirectoryNextToTheScenario()
    {
        var tableDir = Path.Combine(_directory, "my-table");
        Directory.CreateDirectory(tableDir);
        File.WriteAllText(Path.Combine(tableDir, IoTable.InverseFile), Inverse);
        File.WriteAllText(Path.Combine(tableDir, IoTable.SectorsFile), Sectors);
        File.WriteAllText(Path.Combine(tableDir, IoTable.ParametersFile), Parameters);
        var json = TestScenarios.OneSectorJson(0.5);
        json["inputOutput"] = new JsonObject { ["table"] = "my-table", ["sectorMap"] = new JsonObject { ["shops"] = "B" } };
        var path = Path.Combine(_directory, "scenario.json");
        File.WriteAllText(path, json.ToJsonString());

        var scenario = ScenarioLoader.Load(path);

        scenario.IoTable!.Name.Should().Be("hand example");
        var fromApi = () => ScenarioLoader.Parse(json.ToJsonString());
        fromApi.Should().Throw<ScenarioValidationException>().Which.Errors.Should()
            .ContainSingle(e => e.Contains("is not a built-in table", StringComparison.Ordinal), "a posted scenario must not read server paths");
    }

    [Fact]
    public void Parse_WhenTheSectorMapIsIncomplete_NamesTheSectorsAndCodes()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["inputOutput"] = new JsonObject
        {
            ["table"] = "illustrative-3sector",
            ["sectorMap"] = new JsonObject { ["retail"] = "02", ["services"] = "99", ["chain"] = "02", ["ghost"] = "01" },
        };

        var act = () => TestScenarios.Load(json);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should()
            .Contain("inputOutput.sectorMap has no table sector for \"wholesale\"")
            .And.Contain(e => e.Contains("no sector code \"99\"", StringComparison.Ordinal))
            .And.Contain("inputOutput.sectorMap names unknown sector id \"ghost\"");
    }
}
