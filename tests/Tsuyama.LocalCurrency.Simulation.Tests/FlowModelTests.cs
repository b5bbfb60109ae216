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
}
