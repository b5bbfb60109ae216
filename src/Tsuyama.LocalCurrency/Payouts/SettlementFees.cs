using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Payouts;

/// <summary>The money of one merchant's redemption: what is redeemed, what is kept as fee, what is paid out.</summary>
/// <param name="Points">Points redeemed (1 point = 1 yen).</param>
/// <param name="FeeBasisPoints">Redemption fee rate in basis points (150 = 1.5 %).</param>
/// <param name="Fee">Fee in yen, consumption tax included.</param>
/// <param name="ConsumptionTaxInFee">The 10 % consumption tax contained in <see cref="Fee"/>, for the statement.</param>
/// <param name="Payout">Yen transferred to the merchant: <see cref="Points"/> − <see cref="Fee"/>.</param>
public readonly record struct SettlementFee(long Points, int FeeBasisPoints, long Fee, long ConsumptionTaxInFee, long Payout);

/// <summary>Integer-only fee arithmetic for settlement statements; no floating point touches money.</summary>
public static class SettlementFees
{
    /// <summary>Consumption tax rate (10 %) as a whole percentage.</summary>
    public const int ConsumptionTaxPercent = 10;

    /// <summary>
    /// fee = floor(points × bps / 10 000); payout = points − fee;
    /// tax in fee = floor(fee × 10 / 110).
    /// </summary>
    /// <remarks>
    /// Both roundings are down. The fee is rounded down so the merchant is never charged more than the
    /// stated rate. The fee is tax-inclusive (内税), and the contained tax is rounded down (切り捨て), the
    /// usual practice for tax shown inside a tax-inclusive amount.
    /// Multiplication is checked: points above long.MaxValue / 10 000 (about 9.2 × 10^14) throw
    /// <see cref="OverflowException"/> rather than wrap.
    /// </remarks>
    public static SettlementFee Compute(long points, int feeBasisPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        ArgumentOutOfRangeException.ThrowIfNegative(feeBasisPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(feeBasisPoints, BasisPoints.Whole);

        checked
        {
            var fee = BasisPoints.RoundedDown(BasisPoints.Scaled(points, feeBasisPoints));
            var tax = fee * ConsumptionTaxPercent / (100 + ConsumptionTaxPercent);
            var payout = points - fee;
            return new SettlementFee(points, feeBasisPoints, fee, tax, payout);
        }
    }
}
