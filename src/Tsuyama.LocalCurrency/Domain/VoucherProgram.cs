namespace Tsuyama.LocalCurrency.Domain;

/// <summary>
/// 商品券事業: one voucher scheme with its price, premium, validity and fees. Its terms are settable only for
/// EditProgram (before sales open, nothing sold) and CloseProgramSales (the last sales day brought forward).
/// </summary>
public sealed class VoucherProgram
{
    public Guid Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; set; }
    public long UnitPriceYen { get; set; }
    public long GeneralPointsPerUnit { get; set; }
    public long SmallBusinessPointsPerUnit { get; set; }
    public int TotalUnits { get; set; }
    /// <summary>Raised only by a conditional update that cannot pass <see cref="TotalUnits"/>.</summary>
    public int UnitsSold { get; set; }
    public int MaxUnitsPerResident { get; set; }
    /// <summary>First and last sales day, inclusive, JST.</summary>
    public DateOnly SalesFrom { get; set; }
    public DateOnly SalesUntil { get; set; }
    /// <summary>Last valid day of the points, inclusive, JST.</summary>
    public DateOnly ExpiresOn { get; set; }
    public int RedemptionFeeBasisPoints { get; set; }
    public bool AllowMerchantTransfers { get; set; }
    public int MerchantTransferFeeBasisPoints { get; set; }
    /// <summary>Days after a payment's JST date during which its payee may refund it; null: no limit.</summary>
    public int? RefundWindowDays { get; set; }
    /// <summary>
    /// Days a refund of points already past their last valid day stays spendable (from the refund day);
    /// 0: such a refund is refused and the shop refunds in cash.
    /// </summary>
    public int RefundGraceDays { get; set; }
    public Guid IssuerAccountId { get; init; }
    public Guid RedeemedAccountId { get; init; }
    public Guid ExpiredAccountId { get; init; }
    public DateTime CreatedAt { get; init; }

    public long PointsPerUnit(PointKind kind) =>
        kind == PointKind.General ? GeneralPointsPerUnit : SmallBusinessPointsPerUnit;
}
