namespace Tsuyama.LocalCurrency.Features.Papers;

/// <summary>One charged item of a qualified invoice, consumption tax included (内税).</summary>
public sealed record InvoiceCharge(DateOnly Date, string Description, long AmountYen, int TaxRatePercent, string? Detail = null);

/// <summary>税率ごとに区分した合計: the tax-inclusive total of one rate and the tax it contains.</summary>
public sealed record RateTotal(int TaxRatePercent, long AmountYen, long TaxYen)
{
    public long AmountExcludingTaxYen => AmountYen - TaxYen;
}

/// <summary>
/// The invoice rule (消費税法施行令第70条の10): the tax is computed once per invoice per rate, from
/// the total of that rate, never summed from per-line roundings. Rounded down (切り捨て), as the
/// tax inside the fee always was.
/// </summary>
public static class InvoiceTax
{
    /// <summary>The standard rate; fees are not food, so the reduced 8 % never applies to them.</summary>
    public const int StandardRatePercent = 10;

    public static IReadOnlyList<RateTotal> Totals(IEnumerable<InvoiceCharge> charges) =>
        charges.GroupBy(c => c.TaxRatePercent)
            .OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var total = checked(g.Sum(c => c.AmountYen));
                return new RateTotal(g.Key, total, TaxIncluded(total, g.Key));
            })
            .ToList();

    /// <summary>floor(amount × rate / (100 + rate)): the tax inside a tax-inclusive amount.</summary>
    public static long TaxIncluded(long amountYen, int ratePercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ratePercent);
        return checked(amountYen * ratePercent) / (100 + ratePercent);
    }
}
