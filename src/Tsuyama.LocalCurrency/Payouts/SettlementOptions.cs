using Tsuyama.LocalCurrency.Payouts.Zengin;

namespace Tsuyama.LocalCurrency.Payouts;

/// <summary>
/// Bound from the <c>Settlement</c> configuration section: the issuer's paying account as the bank
/// knows it (委託者) and when payouts land. The defaults are demo values so a fresh install can
/// produce a well-formed file; production sets the real ones.
/// </summary>
public sealed class SettlementOptions
{
    public const string Section = "Settlement";

    /// <summary>委託者コード assigned by the bank, 10 digits.</summary>
    public string ClientCode { get; set; } = "0000012345";
    public string ClientNameKana { get; set; } = "ツヤマシ";
    public string BankNumber { get; set; } = "0168";
    public string BankNameKana { get; set; } = "チユウゴクギンコウ";
    public string BranchNumber { get; set; } = "101";
    public string BranchNameKana { get; set; } = "ツヤマ";
    public ZenginAccountType AccountType { get; set; } = ZenginAccountType.Ordinary;
    public string AccountNumber { get; set; } = "1234567";

    /// <summary>Bank business days (<see cref="BusinessDays"/>) between the settlement run and the transfer date.</summary>
    public int PayoutDelayDays { get; set; } = 3;

    public ZenginIssuer ToIssuer() =>
        new(ClientCode, ClientNameKana, BankNumber, BankNameKana, BranchNumber, BranchNameKana, AccountType, AccountNumber);
}

/// <summary>
/// Japanese bank business days: not Saturday or Sunday, not a national holiday (祝日, 振替休日 and
/// 国民の休日, from the maintained PublicHoliday library's Japan calendar), and not a bank closing day
/// (12/31–1/3, 銀行法施行令 第5条).
/// </summary>
public static class BusinessDays
{
    private static readonly PublicHoliday.JapanPublicHoliday Japan = new();

    /// <summary>
    /// The day <paramref name="days"/> business days after <paramref name="from"/>; a <paramref name="from"/> that is not a
    /// business day first moves to the next one.
    /// </summary>
    public static DateOnly Add(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = from;
        while (IsBankHoliday(day))
        {
            day = day.AddDays(1);
        }

        for (var i = 0; i < days; i++)
        {
            day = day.AddDays(1);
            while (IsBankHoliday(day))
            {
                day = day.AddDays(1);
            }
        }

        return day;
    }

    /// <summary>Whether banks are closed on <paramref name="day"/>.</summary>
    public static bool IsBankHoliday(DateOnly day) =>
        day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
        || day is { Month: 12, Day: 31 } or { Month: 1, Day: <= 3 }
        || IsNationalHoliday(day)
        // 国民の休日 (祝日法 第3条3項): a day between two holidays is one too; the library's calendar lacks it.
        || (IsNationalHoliday(day.AddDays(-1)) && IsNationalHoliday(day.AddDays(1)));

    private static bool IsNationalHoliday(DateOnly day) => Japan.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue));
}
