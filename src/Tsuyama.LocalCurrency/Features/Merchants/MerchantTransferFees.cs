using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Features.Merchants;

/// <summary>
/// The fee is charged once on the whole transfer and rounded up: a per-part or rounded-down fee
/// lets a shop avoid it by splitting a transfer (two transfers of 199 points at 0.5 % paid nothing),
/// and since ⌈a⌉ + ⌈b⌉ ≥ ⌈a + b⌉, splitting never pays less than the whole. It is allocated to the
/// (program, kind) parts the points come from by rounding the running total, so the parts add up
/// to the whole fee and no part pays more than it moves.
/// </summary>
public static class MerchantTransferFees
{
    /// <param name="parts">Points taken from each part, in spend order, with that part's program rate in basis points.</param>
    /// <returns>The fee charged to each part; their sum is ⌈Σ points × bps / 10,000⌉.</returns>
    public static long[] Allocate(IReadOnlyList<(long Points, int BasisPoints)> parts)
    {
        var fees = new long[parts.Count];
        long exact = 0, charged = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            exact = checked(exact + BasisPoints.Scaled(parts[i].Points, parts[i].BasisPoints));
            var upToHere = BasisPoints.RoundedUp(exact);
            fees[i] = upToHere - charged;
            charged = upToHere;
        }

        return fees;
    }
}
