using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Analytics;

public sealed class CirculationPrivacyTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;
    private CirculationLedger _ledger = null!;
    private Guid _resident;

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync();
        await _host.CreateProgramAsync(transferFeeBps: 0);
        _ledger = new CirculationLedger(_host);
        _resident = await _ledger.ResidentWithUnitsAsync(5);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<List<Guid>> PaidMerchantsAsync(int count, string category, long amount = 1_000)
    {
        var merchants = await _ledger.MerchantsAsync(count, category);
        foreach (var merchant in merchants)
        {
            await _ledger.PayAsync(_resident, merchant, amount);
        }

        return merchants;
    }

    private Task<CirculationReport> ReportAsync() => _host.MustAsync(new GetCirculationQuery(_host.Today, _host.Today));

    [Fact]
    public async Task Circulation_WhenASectorHasTwoMerchants_SuppressesIt()
    {
        await PaidMerchantsAsync(3, "5411");
        await PaidMerchantsAsync(3, "5812");
        await PaidMerchantsAsync(2, "5541");
        await PaidMerchantsAsync(1, "7230");

        var report = await ReportAsync();

        report.Sectors.Select(s => s.Id).Should().Equal("retail-small", "restaurants", CirculationPrivacy.SuppressedId);
        report.Sectors[^1].Should().BeEquivalentTo(new { Suppressed = true, Sectors = 2, Merchants = 3, ResidentSpend = 3_000L });
        report.Sectors.Sum(s => s.ResidentSpend).Should().Be(report.Totals.SpentByResidents);
        report.Sectors.Should().OnlyContain(s => s.Merchants >= 3);
    }

    [Fact]
    public async Task Circulation_WhenTheOnlyHiddenSectorHasTwoMerchants_HidesTheSmallestShownSectorWithIt()
    {
        await PaidMerchantsAsync(4, "5411");
        await PaidMerchantsAsync(3, "5812");
        await PaidMerchantsAsync(2, "5541");

        var report = await ReportAsync();

        // Otherwise totals − shown rows would give away the two fuel stations' takings.
        report.Sectors.Select(s => s.Id).Should().Equal("retail-small", CirculationPrivacy.SuppressedId);
        report.Sectors[^1].Should().BeEquivalentTo(new { Suppressed = true, Sectors = 2, Merchants = 5, ResidentSpend = 5_000L });
    }

    [Fact]
    public async Task Circulation_WhenTheOnlyHiddenFlowCellHasTwoSenders_HidesTheShownCellToo()
    {
        var shops = await PaidMerchantsAsync(3, "5411");
        var restaurants = await PaidMerchantsAsync(3, "5812");
        var wholesalers = await _ledger.MerchantsAsync(3, "5141");
        for (var i = 0; i < 3; i++)
        {
            await _ledger.TransferAsync(shops[i], wholesalers[i], 100);
        }

        await _ledger.TransferAsync(restaurants[0], wholesalers[0], 50);
        await _ledger.TransferAsync(restaurants[1], wholesalers[1], 50);

        var report = await ReportAsync();

        report.Flows.Cells.Should().BeEmpty();
        report.Flows.SuppressedPoints.Should().Be(400);
        report.Flows.SuppressedCells.Should().Be(2);
    }

    [Fact]
    public async Task Circulation_WithFewerThanThreeActiveMerchants_RefusesWithTooFewMerchants()
    {
        await PaidMerchantsAsync(2, "5411");

        var result = await _host.SendAsync(new GetCirculationQuery(_host.Today, _host.Today));

        result.IsSuccess.Should().BeFalse();
        result.Error!.Type.Should().Be(ProblemTypes.TooFewMerchants);
        result.Error.Status.Should().Be(422);
    }

    [Fact]
    public async Task Circulation_WhenFromIsAfterTo_ReturnsAValidationError()
    {
        var result = await _host.SendAsync(new GetCirculationQuery(_host.Today, _host.Today.AddDays(-1)));

        result.Error!.Type.Should().Be("validation");
        result.Error.Fields.Should().ContainKey("to");
    }
}
