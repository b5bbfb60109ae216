using Tsuyama.LocalCurrency.Payouts;

namespace Tsuyama.LocalCurrency.Tests.Payouts;

/// <summary>The daily job settles the day before it runs; a shop's "next payout" is read from the same rule.</summary>
public sealed class SettlementCalendarTests
{
    [Theory]
    [InlineData("2026-04-11", "2026-04-10")]
    [InlineData("2026-05-01", "2026-04-30")]
    [InlineData("2027-01-01", "2026-12-31")]
    public void CutoffOfRunOn_IsTheDayBeforeTheRun(string runDay, string cutoff) =>
        SettlementCalendar.CutoffOfRunOn(Day(runDay)).Should().Be(Day(cutoff));

    [Theory]
    [InlineData("2026-04-10", 3, "2026-04-15")] // Friday: Monday, Tuesday, Wednesday
    [InlineData("2026-04-13", 3, "2026-04-16")]
    [InlineData("2026-12-30", 1, "2027-01-04")] // banks close from 31 December to 3 January
    public void PayoutDateOfRunOn_CountsBankBusinessDaysAfterTheRun(string runDay, int delay, string payout) =>
        SettlementCalendar.PayoutDateOfRunOn(Day(runDay), delay).Should().Be(Day(payout));

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
