namespace Tsuyama.LocalCurrency.Domain;

/// <summary>
/// Fee rates are whole basis points (150 = 1.5 %) and fees are computed in integers only, so no
/// floating point touches money: the redemption fee (<c>SettlementFees</c>) rounds down, the
/// merchant-transfer fee (<c>MerchantTransferFees</c>) rounds up, both from the same scaled product.
/// </summary>
public static class BasisPoints
{
    /// <summary>10 000 basis points = 100 %.</summary>
    public const int Whole = 10_000;

    /// <summary>Whether a configured rate is one: 0 to 100 %.</summary>
    public static bool IsRate(int basisPoints) => basisPoints is >= 0 and <= Whole;

    /// <summary>points × rate, still in basis points; checked, so a product beyond <see cref="long"/> throws rather than wraps.</summary>
    public static long Scaled(long points, int basisPoints) => checked(points * basisPoints);

    /// <summary>A scaled amount in whole points, rounded down.</summary>
    public static long RoundedDown(long scaled) => scaled / Whole;

    /// <summary>A scaled amount in whole points, rounded up.</summary>
    public static long RoundedUp(long scaled) => checked(scaled + Whole - 1) / Whole;
}
