using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation.Tests;

public class ScenarioValidationTests
{
    private static IReadOnlyList<string> ErrorsOf(JsonObject json) => ErrorsOf(json.ToJsonString());

    private static IReadOnlyList<string> ErrorsOf(string json)
    {
        var act = () => ScenarioLoader.Parse(json);
        return act.Should().Throw<ScenarioValidationException>().Which.Errors;
    }

    private static JsonObject FirstSector(JsonObject json) => json["sectors"]![0]!.AsObject();

    [Fact]
    public void Parse_WhenValid_ReadsEveryContractField()
    {
        var scenario = TestScenarios.Load(TestScenarios.ThreeSectorJson());

        scenario.Injection.PointsPerUnit.SmallBusiness.Should().Be(7000);
        scenario.IssuedPoints.Should().Be(400 * 13_000);
        scenario.Sectors.Should().HaveCount(4);
        scenario.Sectors[2].Size.Should().Be(SectorSize.Large);
        scenario.Sectors[0].SupplierShares["wholesale"].Should().Be(0.6);
        scenario.MonteCarlo.Seed.Should().Be(2026);
        scenario.BreakageShare.Should().Be(0.05);
    }

    [Fact]
    public void Parse_WhenResidentSpendSharesDoNotSumToOne_SaysSo()
    {
        var json = TestScenarios.ThreeSectorJson();
        FirstSector(json)["residentSpendShare"] = 0.4;

        ErrorsOf(json).Should().ContainSingle(e => e.Contains("residentSpendShare must sum to 1") && e.Contains("0.9"));
    }

    [Fact]
    public void Parse_WhenSharesSumToOneWithinTolerance_Accepts()
    {
        var json = TestScenarios.ThreeSectorJson();
        FirstSector(json)["residentSpendShare"] = 0.5 + 5e-7;

        TestScenarios.Load(json).Sectors.Should().HaveCount(4);
    }

    [Fact]
    public void Parse_WhenSupplierSharesDoNotSumToOne_NamesTheSector()
    {
        var json = TestScenarios.ThreeSectorJson();
        FirstSector(json)["supplierShares"]!["retail"] = 0.2;

        ErrorsOf(json).Should().ContainSingle(e => e.StartsWith("sectors[0].supplierShares must sum to 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenSupplierIsUnknown_NamesTheId()
    {
        var json = TestScenarios.ThreeSectorJson();
        FirstSector(json)["supplierShares"] = new JsonObject { ["nowhere"] = 1.0 };

        ErrorsOf(json).Should().ContainSingle(e => e.Contains("unknown sector id \"nowhere\""));
    }

    [Fact]
    public void Parse_WhenPointsSharesAreWrong_NamesThePointsFields()
    {
        var json = TestScenarios.ThreeSectorJson();
        FirstSector(json)["pointsLocalRespendShare"] = 1.2;
        FirstSector(json)["pointsSupplierShares"] = new JsonObject { ["retail"] = 0.5 };

        ErrorsOf(json).Should().Contain(e => e.StartsWith("sectors[0].pointsLocalRespendShare must be a share", StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith("sectors[0].pointsSupplierShares must sum to 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WithPointsShares_KeepsThemAndRoundTrips()
    {
        var json = TestScenarios.ThreeSectorJson();
        FirstSector(json)["pointsLocalRespendShare"] = 0.7;
        FirstSector(json)["pointsSupplierShares"] = new JsonObject { ["retail"] = 1.0 };

        var scenario = TestScenarios.Load(json);
        var again = ScenarioLoader.Parse(ScenarioLoader.ToJson(scenario));

        again.Sectors[0].PointsLocalRespend.Should().Be(0.7);
        again.Sectors[0].PointsSuppliers.Should().ContainKey("retail").WhoseValue.Should().Be(1.0);
        again.Sectors[1].PointsLocalRespend.Should().Be(again.Sectors[1].LocalRespendShare, "absent means the same as yen");
    }

    [Theory]
    [InlineData("localRespendShare", 1.5)]
    [InlineData("respendInPointsShare", -0.1)]
    [InlineData("merchants", -3)]
    public void Parse_WhenASectorNumberIsOutOfRange_SaysWhich(string field, double value)
    {
        var json = TestScenarios.ThreeSectorJson();
        FirstSector(json)[field] = field == "merchants" ? (int)value : value;

        ErrorsOf(json).Should().Contain(e => e.StartsWith($"sectors[0].{field}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("netNewConsumptionShare", 1.2)]
    [InlineData("redemptionFeeRate", -0.01)]
    [InlineData("merchantTransferFeeRate", 1.0)]
    [InlineData("breakageShare", -0.5)]
    [InlineData("expiryDays", -1)]
    public void Parse_WhenATopLevelNumberIsOutOfRange_SaysWhich(string field, double value)
    {
        var json = TestScenarios.ThreeSectorJson();
        json[field] = field == "expiryDays" ? (int)value : value;

        ErrorsOf(json).Should().ContainSingle(e => e.StartsWith(field, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenUnitsOrPointsAreNegative_SaysWhich()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["injection"]!["unitsSold"] = -5;
        json["injection"]!["pointsPerUnit"]!["general"] = -1;

        ErrorsOf(json).Should().Contain(e => e.StartsWith("injection.unitsSold", StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith("injection.pointsPerUnit.general", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenSmallBusinessPointsHaveNoSmallSector_SaysSo()
    {
        var json = TestScenarios.OneSectorJson(0.5);
        FirstSector(json)["size"] = "large";
        json["injection"]!["pointsPerUnit"]!["smallBusiness"] = 3000;

        ErrorsOf(json).Should().ContainSingle(e => e.Contains("no sector has size \"small\""));
    }

    [Fact]
    public void Parse_WhenSectorIdsRepeat_SaysWhichId()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["sectors"]![1]!["id"] = "retail";

        ErrorsOf(json).Should().Contain(e => e.Contains("\"retail\" is used by more than one sector"));
    }

    [Fact]
    public void Parse_WhenSectorsAreEmpty_SaysSo()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["sectors"] = new JsonArray();

        ErrorsOf(json).Should().Contain("sectors must list at least one sector");
    }

    [Fact]
    public void Parse_WhenSizeIsUnknown_SaysSo()
    {
        var json = TestScenarios.ThreeSectorJson();
        FirstSector(json)["size"] = "medium";

        ErrorsOf(json).Should().ContainSingle(e => e.Contains("size must be \"small\" or \"large\" (got \"medium\")"));
    }

    [Fact]
    public void Parse_WhenSeveralThingsAreWrong_ListsEveryError()
    {
        var json = TestScenarios.ThreeSectorJson();
        json.Remove("name");
        json["expiryDays"] = 0;
        FirstSector(json)["localRespendShare"] = 2.0;
        json["monteCarlo"]!["runs"] = 0;

        var errors = ErrorsOf(json);

        errors.Should().HaveCount(4);
        errors.Should().Contain("name is required");
        var message = new ScenarioValidationException(errors).Message;
        message.Should().Contain("monteCarlo.runs").And.Contain("expiryDays").And.Contain("sectors[0].localRespendShare");
    }

    [Fact]
    public void Parse_WhenMoneyNeverLeaves_RefusesTheInfiniteMultiplier()
    {
        var json = TestScenarios.OneSectorJson(1.0);

        ErrorsOf(json).Should().ContainSingle(e => e.Contains("never leaves the region") && e.Contains("shops"));
    }

    [Fact]
    public void Parse_WhenAFieldNameIsMisspelt_SaysWhere()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["expiryDay"] = 30;

        ErrorsOf(json).Should().ContainSingle(e => e.Contains("expiryDay"));
    }

    [Fact]
    public void Parse_WhenNotJson_SaysSo()
    {
        ErrorsOf("{ not json").Should().ContainSingle(e => e.StartsWith("not valid scenario JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenTheFileIsMissing_SaysWhichFile()
    {
        var act = () => ScenarioLoader.Load("/no/such/scenario.json");

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle(e => e.Contains("/no/such/scenario.json"));
    }

    [Fact]
    public void ToJson_RoundTripsThroughTheLoader()
    {
        var scenario = TestScenarios.Load(TestScenarios.ThreeSectorJson());

        var again = ScenarioLoader.Parse(ScenarioLoader.ToJson(scenario));

        again.Should().BeEquivalentTo(scenario);
    }
}
