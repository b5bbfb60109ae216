using Tsuyama.LocalCurrency.Settlement.Zengin;

namespace Tsuyama.LocalCurrency.Settlement;

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

    /// <summary>Business days (Mon–Fri) between the settlement run and the transfer date.</summary>
    public int PayoutDelayDays { get; set; } = 3;

    public ZenginIssuer ToIssuer() =>
        new(ClientCode, ClientNameKana, BankNumber, BankNameKana, BranchNumber, BranchNameKana, AccountType, AccountNumber);
}

public static class BusinessDays
{
    /// <summary>
    /// The day <paramref name="days"/> weekdays after <paramref name="from"/>. Saturdays and Sundays
    /// are skipped; Japanese public holidays are not known here, so the operator moves a date that
    /// lands on one (banks would shift it to the next business day anyway).
    /// </summary>
    public static DateOnly Add(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = from;
        while (IsWeekend(day))
        {
            day = day.AddDays(1);
        }

        for (var i = 0; i < days; i++)
        {
            day = day.AddDays(1);
            while (IsWeekend(day))
            {
                day = day.AddDays(1);
            }
        }

        return day;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
