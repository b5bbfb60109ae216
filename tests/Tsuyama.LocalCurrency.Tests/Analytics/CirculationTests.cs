using Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Analytics;

/// <summary>
/// One hand-built day: 3 small shops, 3 restaurants, 3 wholesalers; every figure below is worked out
/// by hand from the activity in <see cref="InitializeAsync"/>.
/// </summary>
public sealed class CirculationTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;
    private CirculationReport _report = null!;

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync();
        await _host.CreateProgramAsync(transferFeeBps: 0);
        var ledger = new CirculationLedger(_host);
        var residents = new[] { await ledger.ResidentWithUnitsAsync(2), await ledger.ResidentWithUnitsAsync(2), await ledger.ResidentWithUnitsAsync(2) };
        var shops = await ledger.MerchantsAsync(3, "5411");
        var restaurants = await ledger.MerchantsAsync(3, "5812");
        var wholesalers = await ledger.MerchantsAsync(3, "5141");

        var firstPayment = await ledger.PayAsync(residents[0], shops[0], 1_000);
        await ledger.PayAsync(residents[1], shops[1], 1_000);
        await ledger.PayAsync(residents[2], shops[2], 1_000);
        await ledger.RefundAsync(shops[0], firstPayment, 500);
        for (var i = 0; i < 3; i++)
        {
            await ledger.PayAsync(residents[i], restaurants[i], 2_000);
            await ledger.TransferAsync(shops[i], wholesalers[i], 300);
        }

        // Two cells too small to show on their own (2 senders; 1 sender), 3 senders and 3 receivers together.
        await ledger.TransferAsync(restaurants[0], wholesalers[0], 200);
        await ledger.TransferAsync(restaurants[1], wholesalers[1], 200);
        await ledger.TransferAsync(wholesalers[2], shops[2], 100);

        await ledger.RedeemAsync(shops[0], 200);
        await ledger.RedeemAsync(shops[1], 400);
        await ledger.RedeemAsync(restaurants[2], 600);
        await ledger.RedeemAsync(wholesalers[0], 500);
        await ledger.RedeemAsync(wholesalers[1], 400);

        _report = await _host.MustAsync(new GetCirculationQuery(_host.Today, _host.Today));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Circulation_Totals_AreTheSumsOfTheDaysTransfers()
    {
        _report.Totals.Should().Be(new CirculationTotals(
            Issued: 78_000, ResidentPayments: 9_000, Refunds: 500, SpentByResidents: 8_500,
            MerchantTransferred: 1_400, MerchantTransferFees: 0, Redeemed: 2_100, Expired: 0,
            OutstandingAtStart: 0, OutstandingAtEnd: 78_000 - 2_100, ActiveMerchants: 9));
        _report.Days.Should().Be(1);
    }

    [Fact]
    public void Circulation_Indicators_FollowTheDocumentedFormulas()
    {
        var i = _report.Indicators;

        i.HandoversPerPoint.Should().BeApproximately((8_500 + 1_400) / 8_500.0, 1e-12);
        i.AverageOutstanding.Should().Be(75_900);
        i.Velocity.Should().BeApproximately((8_500 + 1_400) / 75_900.0, 1e-12);
        i.BreakageShare.Should().Be(0);
        i.RespendShare.Should().BeApproximately(1_400 / 3_500.0, 1e-12);
        i.RedemptionShare.Should().BeApproximately(2_100 / 3_500.0, 1e-12);
    }

    [Fact]
    public void Circulation_Sectors_ShowSpendAndRespendVersusRedemptionPerSector()
    {
        _report.Sectors.Select(s => s.Id).Should().Equal("retail-small", "restaurants", "wholesale");
        var retail = _report.Sectors[0];
        retail.Should().BeEquivalentTo(new
        {
            Merchants = 3,
            ResidentSpend = 2_500L,
            ReceivedFromMerchants = 100L,
            RespentInPoints = 900L,
            Redeemed = 600L,
            Suppressed = false,
        });
        retail.ResidentSpendShare.Should().BeApproximately(2_500 / 8_500.0, 1e-12);
        retail.RespendShare.Should().BeApproximately(0.6, 1e-12);

        var restaurants = _report.Sectors[1];
        restaurants.Should().BeEquivalentTo(new { Merchants = 3, ResidentSpend = 6_000L, ReceivedFromMerchants = 0L, RespentInPoints = 400L, Redeemed = 600L });
        restaurants.ResidentSpendShare.Should().BeApproximately(6_000 / 8_500.0, 1e-12);
        restaurants.RespendShare.Should().BeApproximately(0.4, 1e-12);

        var wholesale = _report.Sectors[2];
        wholesale.Should().BeEquivalentTo(new { Merchants = 3, ResidentSpend = 0L, ReceivedFromMerchants = 1_300L, RespentInPoints = 100L, Redeemed = 900L });
        wholesale.RespendShare.Should().BeApproximately(0.1, 1e-12);
        wholesale.RedemptionShare.Should().BeApproximately(0.9, 1e-12);
    }

    [Fact]
    public void Circulation_WhenFlowCellsHaveFewerThanThreeSendersOrReceivers_FoldsThemIntoSuppressedPoints()
    {
        _report.Flows.Cells.Should().ContainSingle().Which.Should().Be(new SectorFlow("retail-small", "wholesale", 900, 3, 3));
        _report.Flows.SuppressedPoints.Should().Be(500);
        _report.Flows.SuppressedCells.Should().Be(2);
        (_report.Flows.Cells.Sum(c => c.Points) + _report.Flows.SuppressedPoints).Should().Be(_report.Totals.MerchantTransferred);
    }

    [Fact]
    public void Circulation_SerialisedAsJson_NamesNoMerchantOrResident()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(_report, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));

        json.Should().Contain("\"spentByResidents\":8500").And.Contain("\"handoversPerPoint\"");
        json.Should().NotMatchRegex("[0-9a-f]{8}-[0-9a-f]{4}-", "no id of any account may appear");
        json.Should().NotContain("テスト商店");
    }

    [Fact]
    public void Circulation_FromARealLedger_CalibratesAScenarioBothEnginesRun()
    {
        var calibrated = Tsuyama.LocalCurrency.Features.Analytics.Calibration.ScenarioCalibrator.Calibrate(_report);
        var result = Tsuyama.LocalCurrency.Simulation.SimulationRunner.Run(calibrated.Scenario, runs: 4);

        calibrated.Scenario.Sectors.Single(s => s.Id == "restaurants").ResidentSpendShare.Should().BeApproximately(6_000 / 8_500.0, 1e-9);
        result.Expected.Multiplier.Should().BeGreaterThan(1);
        result.MonteCarlo.Runs.Should().Be(4);
    }
}
