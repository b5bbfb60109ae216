using Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Analytics;

public sealed class CirculationPeriodTests : IAsyncLifetime
{
    private static readonly DateOnly April10 = new(2026, 4, 10);
    private static readonly DateOnly April11 = new(2026, 4, 11);
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync();
        await _host.CreateProgramAsync(transferFeeBps: 0);
        var ledger = new CirculationLedger(_host);
        var resident = await ledger.ResidentWithUnitsAsync(1);
        var shops = await ledger.MerchantsAsync(3, "5411");

        // 23:59:59 JST on 10 April and 00:00:00 JST on 11 April: the same UTC day (10 April).
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 14, 59, 59, TimeSpan.Zero));
        foreach (var shop in shops)
        {
            await ledger.PayAsync(resident, shop, 100);
        }

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 15, 0, 0, TimeSpan.Zero));
        foreach (var shop in shops)
        {
            await ledger.PayAsync(resident, shop, 200);
        }

        await _host.BuyAsync(resident);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Circulation_SplitsDaysAtJstMidnight_NotUtcMidnight()
    {
        var tenth = await _host.MustAsync(new GetCirculationQuery(April10, April10));
        var eleventh = await _host.MustAsync(new GetCirculationQuery(April11, April11));

        tenth.Totals.ResidentPayments.Should().Be(300);
        tenth.Totals.Issued.Should().Be(13_000);
        eleventh.Totals.ResidentPayments.Should().Be(600);
        eleventh.Totals.Issued.Should().Be(13_000);
        eleventh.Totals.OutstandingAtStart.Should().Be(13_000);
        eleventh.Totals.OutstandingAtEnd.Should().Be(26_000);
    }

    [Fact]
    public async Task Circulation_OverTwoDays_AveragesTheEndOfDayOutstanding()
    {
        var both = await _host.MustAsync(new GetCirculationQuery(April10, April11));

        both.Days.Should().Be(2);
        both.Totals.ResidentPayments.Should().Be(900);
        both.Indicators.AverageOutstanding.Should().Be((13_000 + 26_000) / 2.0);
        both.Indicators.Velocity.Should().BeApproximately(900 / 19_500.0, 1e-12);
    }

    [Fact]
    public async Task Circulation_WithoutDates_RunsFromTheFirstTransferToToday()
    {
        var all = await _host.MustAsync(new GetCirculationQuery());

        all.From.Should().Be(April10);
        all.To.Should().Be(April11);
        all.Totals.ResidentPayments.Should().Be(900);
    }

    [Fact]
    public async Task Circulation_ForDaysAfterToday_DoesNotDiluteTheAverage()
    {
        var ahead = await _host.MustAsync(new GetCirculationQuery(April11, April11.AddDays(9)));

        ahead.Days.Should().Be(10);
        ahead.Indicators.AverageOutstanding.Should().Be(26_000);
    }
}
