using Tsuyama.LocalCurrency.Features.Analytics.Calibration;
using Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;
using Tsuyama.LocalCurrency.Simulation;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Tests.Analytics;

public sealed class ScenarioCalibratorTests
{
    private static readonly DateOnly Day = new(2026, 4, 10);

    private static SectorCirculation Row(string id, double spendShare, double? respendShare, bool suppressed = false) =>
        new(id, suppressed, suppressed ? 2 : 1, 3, (long)(spendShare * 10_000), spendShare, 0,
            RespentInPoints: (long)((respendShare ?? 0) * 1_000), Redeemed: (long)((1 - (respendShare ?? 1)) * 1_000),
            respendShare, respendShare is null ? null : 1 - respendShare);

    private static CirculationReport Report(IReadOnlyList<SectorCirculation> sectors, long expired = 0, long fees = 0) => new(
        Day, Day, 1,
        new CirculationTotals(20_000, 10_500, 500, 10_000, 1_000 - fees, fees, 2_000, expired, 0, 18_000, 9),
        new CirculationIndicators(1.1, 0.5, 18_000, expired == 0 ? 0 : (double)expired / (10_000 + expired), 0.33, 0.67),
        sectors,
        new SectorFlows([], 0, 0),
        new CirculationPrivacy(3, "rule"));

    private static readonly CirculationReport Observed = Report(
    [
        Row("retail-small", 0.5, 0.2),
        Row("restaurants", 0.3, null),
        Row(CirculationPrivacy.SuppressedId, 0.2, 0.5, suppressed: true),
    ]);

    [Fact]
    public void Calibrate_TakesObservedSpendSharesAndSharesTheSuppressedRestInTheBaseProportions()
    {
        var baseline = ScenarioCalibrator.Baseline();

        var sectors = ScenarioCalibrator.Calibrate(Observed).Scenario.Sectors.ToDictionary(s => s.Id);

        sectors["retail-small"].ResidentSpendShare.Should().BeApproximately(0.5, 1e-9);
        sectors["restaurants"].ResidentSpendShare.Should().BeApproximately(0.3, 1e-9);
        // The base's services, fuel, large chains and wholesale share the remaining 0.2 in their base proportions.
        var baseShare = baseline.Sectors.ToDictionary(s => s.Id, s => s.ResidentSpendShare);
        var rest = baseShare["services"] + baseShare["fuel-transport"] + baseShare["large-chains"] + baseShare["wholesale"];
        sectors["services"].ResidentSpendShare.Should().BeApproximately(0.2 * baseShare["services"] / rest, 1e-9);
        sectors["large-chains"].ResidentSpendShare.Should().BeApproximately(0.2 * baseShare["large-chains"] / rest, 1e-9);
        sectors["wholesale"].ResidentSpendShare.Should().Be(0);
        sectors.Values.Sum(s => s.ResidentSpendShare).Should().BeApproximately(1, 1e-9);
        sectors.Values.Select(s => s.LocalRespendShare).Should().Equal(baseline.Sectors.Select(s => s.LocalRespendShare));
        sectors.Values.Select(s => s.SupplierShares).Should().BeEquivalentTo(baseline.Sectors.Select(s => s.SupplierShares));
    }

    [Fact]
    public void Calibrate_DerivesRespendInPointsFromTheObservedTransferShareAndTheBasePointsLocalRespend()
    {
        var baseline = ScenarioCalibrator.Baseline().Sectors.ToDictionary(s => s.Id);

        var sectors = ScenarioCalibrator.Calibrate(Observed).Scenario.Sectors.ToDictionary(s => s.Id);

        // Observed 20 % of retail's disposals were transfers: that share of the base's local re-spend of point receipts.
        sectors["retail-small"].RespendInPointsShare.Should().BeApproximately(0.2 / baseline["retail-small"].PointsLocalRespend, 1e-9);
        sectors["restaurants"].RespendInPointsShare.Should().Be(baseline["restaurants"].RespendInPointsShare);
        sectors["services"].RespendInPointsShare.Should().Be(baseline["services"].RespendInPointsShare);
    }

    [Fact]
    public void Calibrate_BeforeAnyRedemption_KeepsTheBaseRespendInPoints()
    {
        // Every point passed on went to another merchant: no settlement has run yet.
        var report = Report([Row("retail-small", 0.8, 1.0), Row("large-chains", 0.2, 1.0)]);

        var calibrated = ScenarioCalibrator.Calibrate(report);

        calibrated.Scenario.Sectors.Single(s => s.Id == "retail-small").RespendInPointsShare.Should().Be(0.20);
        calibrated.Notes.Should().Contain(n => n.Contains("no redemptions observed", StringComparison.Ordinal));
    }

    [Fact]
    public void Calibrate_WithoutExpiryOrFees_KeepsTheBaseBreakageAndTakesTheObservedFeeRate()
    {
        var before = ScenarioCalibrator.Calibrate(Observed);
        var after = ScenarioCalibrator.Calibrate(Report(Observed.Sectors, expired: 500, fees: 10));

        before.Scenario.BreakageShare.Should().Be(ScenarioCalibrator.Baseline().BreakageShare);
        before.Scenario.MerchantTransferFeeRate.Should().Be(0);
        after.Scenario.BreakageShare.Should().BeApproximately(500 / 10_500.0, 1e-12);
        after.Scenario.MerchantTransferFeeRate.Should().BeApproximately(0.01, 1e-12);
        before.Scenario.Uncertainty!.Ranges.Should().Contain(r => r.Parameter == "breakageShare", "not observed yet: the guess stays");
        after.Scenario.Uncertainty!.Ranges.Should().NotContain(r => r.Parameter == "breakageShare", "observed 4.8 %, outside the base's guess");
        after.Notes.Should().Contain(n => n.StartsWith("uncertainty: dropped", StringComparison.Ordinal));
        after.Notes.Should().Contain(n => n.StartsWith("breakageShare: observed", StringComparison.Ordinal));
    }

    [Fact]
    public void Calibrate_SetsSmallBusinessAdditionalityToZero_BecauseObservedSharesAlreadyIncludeIt()
    {
        ScenarioCalibrator.Baseline().SmallBusinessAdditionality.Should().BePositive();

        var calibrated = ScenarioCalibrator.Calibrate(Observed).Scenario;
        var model = FlowModel.From(calibrated);

        calibrated.SmallBusinessAdditionality.Should().Be(0);
        (model.InjectionBySector()[0] / model.R1).Should().BeApproximately(0.5, 1e-9, "retail's observed share is what the model spends there");
    }

    [Fact]
    public void Calibrate_Result_LoadsBackThroughTheScenarioLoaderAndBothEnginesRunIt()
    {
        var calibrated = ScenarioCalibrator.Calibrate(Observed).Scenario;

        var reloaded = ScenarioLoader.Parse(ScenarioLoader.ToJson(calibrated));
        var result = SimulationRunner.Run(reloaded, runs: 8);

        reloaded.Name.Should().Contain("台帳で較正 2026-04-10");
        result.Expected.Lm3.Should().BeGreaterThan(1);
        result.MonteCarlo.Runs.Should().Be(8);
        result.MonteCarlo.Lm3.Mean.Should().BeGreaterThan(1);
    }

    [Fact]
    public void Calibrate_WhenTheCalibratedScenarioBreaksARule_ThrowsTheValidationProblems()
    {
        // Every point spent at large chains would leave the smallBusiness points nowhere to land.
        var report = Report([Row("large-chains", 1.0, null)]);

        var act = () => ScenarioCalibrator.Calibrate(report);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().Contain(e => e.Contains("smallBusiness", StringComparison.Ordinal));
    }
}
