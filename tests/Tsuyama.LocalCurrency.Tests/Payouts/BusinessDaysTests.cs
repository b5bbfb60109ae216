using Tsuyama.LocalCurrency.Payouts;

namespace Tsuyama.LocalCurrency.Tests.Payouts;

public sealed class BusinessDaysTests
{
    [Theory]
    // Golden Week 2027: 4/29 (Thu) 昭和の日, 5/3 (Mon) 憲法記念日, 5/4 (Tue) みどりの日, 5/5 (Wed) こどもの日.
    [InlineData("2027-04-28", 1, "2027-04-30")]
    [InlineData("2027-04-30", 1, "2027-05-06")]
    [InlineData("2027-04-28", 3, "2027-05-07")]
    [InlineData("2027-05-03", 0, "2027-05-06")]
    // Bank closing days 12/31–1/3, then 成人の日 (second Monday of January: 2027-01-11).
    [InlineData("2026-12-29", 1, "2026-12-30")]
    [InlineData("2026-12-30", 1, "2027-01-04")]
    [InlineData("2026-12-30", 3, "2027-01-06")]
    [InlineData("2027-01-08", 1, "2027-01-12")]
    // A substitute holiday: 2026-05-06 (Wed) 振替休日 for 5/3 falling on a Sunday.
    [InlineData("2026-05-01", 1, "2026-05-07")]
    public void PayoutDate_SkipsWeekendsJapanesePublicHolidaysAndBankClosingDays(string from, int days, string expected) =>
        BusinessDays.Add(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days)
            .Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2027-01-01")]
    [InlineData("2027-01-02")]
    [InlineData("2027-01-03")]
    [InlineData("2026-12-31")]
    [InlineData("2027-09-23")] // 秋分の日
    [InlineData("2026-09-22")] // 国民の休日 between 敬老の日 and 秋分の日
    [InlineData("2027-04-29")]
    public void IsBankHoliday_OnHolidaysAndClosingDays_IsTrue(string day) =>
        BusinessDays.IsBankHoliday(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).Should().BeTrue();
}
