namespace Tsuyama.LocalCurrency.Simulation.Tests;

public class FlowModelTests
{
    [Fact]
    public void From_WhenSmallPointsExceedTheSmallSectorsShare_SendsGeneralPointsToLargeSectorsOnly()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["injection"]!["pointsPerUnit"]!["general"] = 1000;
        json["injection"]!["pointsPerUnit"]!["smallBusiness"] = 12000;

        var model = FlowModel.From(TestScenarios.Load(json));

        // Small sectors (retail 0.5, services 0.2) share the small points 5:2; the large chain takes all general points.
        model.SmallBusinessBySector[0].Should().BeApproximately(model.SmallBusinessYen * 5 / 7, 1e-6);
        model.SmallBusinessBySector[2].Should().Be(0);
        model.GeneralBySector[2].Should().BeApproximately(model.GeneralYen, 1e-6);
        model.GeneralBySector[0].Should().Be(0);
        model.InjectionBySector().Sum().Should().BeApproximately(model.R1, 1e-6);
    }

    [Fact]
    public void From_WithZeroFees_HasTransitionLocalShareTimesSupplierShare()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["redemptionFeeRate"] = 0.0;
        json["merchantTransferFeeRate"] = 0.0;

        var model = FlowModel.From(TestScenarios.Load(json));
        var n = model.SectorCount;

        // retail → wholesale: 0.45 × 0.6, split over the points and yen forms.
        (model.Transition[0, 3] + model.Transition[0, n + 3]).Should().BeApproximately(0.45 * 0.6, 1e-12);
        model.PointsTransition[0, 3].Should().BeApproximately(0.45 * 0.6 * 0.4, 1e-12);
    }

    [Theory]
    [InlineData(0.0, 0.5)] // interchangeable: small points replace general spending at the small shop
    [InlineData(1.0, 0.75)] // additional: general points still split 50:50 on top of the small points
    [InlineData(0.4, 0.6)]
    public void From_WithSmallBusinessAdditionality_MovesThatShareOfGeneralPointsToTheUnconstrainedSplit(double additionality, double smallShare)
    {
        var json = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "two sectors",
            ["injection"] = new System.Text.Json.Nodes.JsonObject
            {
                ["unitsSold"] = 10,
                ["unitPriceYen"] = 10000,
                ["pointsPerUnit"] = new System.Text.Json.Nodes.JsonObject { ["general"] = 5000, ["smallBusiness"] = 5000 },
            },
            ["netNewConsumptionShare"] = 0.3,
            ["expiryDays"] = 30,
            ["redemptionFeeRate"] = 0.0,
            ["merchantTransferFeeRate"] = 0.0,
            ["smallBusinessAdditionality"] = additionality,
            ["sectors"] = new System.Text.Json.Nodes.JsonArray(
                TestScenarios.Sector("shop", "small", 2, 0.5, 0.3, 0.5, ("chain", 1.0)),
                TestScenarios.Sector("chain", "large", 1, 0.5, 0.1, 0.0, ("shop", 1.0))),
            ["monteCarlo"] = new System.Text.Json.Nodes.JsonObject { ["runs"] = 1, ["seed"] = 1 },
        };

        var model = FlowModel.From(TestScenarios.Load(json));

        (model.InjectionBySector()[0] / model.R1).Should().BeApproximately(smallShare, 1e-12);
        model.InjectionBySector().Sum().Should().BeApproximately(model.R1, 1e-6);
    }

    [Fact]
    public void From_WithPointsLocalRespendShare_UsesItForThePointsRowsOnly()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["redemptionFeeRate"] = 0.0;
        json["merchantTransferFeeRate"] = 0.0;
        json["sectors"]![0]!["pointsLocalRespendShare"] = 0.7;

        var model = FlowModel.From(TestScenarios.Load(json));
        var n = model.SectorCount;

        (model.Transition[0, 3] + model.Transition[0, n + 3]).Should().BeApproximately(0.7 * 0.6, 1e-12);
        model.Transition[n, n + 3].Should().BeApproximately(0.45 * 0.6, 1e-12);
    }
}
