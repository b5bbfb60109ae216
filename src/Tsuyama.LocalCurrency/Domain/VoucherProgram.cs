namespace Tsuyama.LocalCurrency.Domain;

/// <summary>商品券事業: one voucher scheme with its price, premium, validity and fees.</summary>
public sealed class VoucherProgram
{
    public Guid Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public long UnitPriceYen { get; init; }
    public long GeneralPointsPerUnit { get; init; }
    public long SmallBusinessPointsPerUnit { get; init; }
    public int TotalUnits { get; init; }
    /// <summary>Raised only by a conditional update that cannot pass <see cref="TotalUnits"/>.</summary>
    public int UnitsSold { get; set; }
    public int MaxUnitsPerResident { get; init; }
    /// <summary>First and last sales day, inclusive, JST.</summary>
    public DateOnly SalesFrom { get; init; }
    public DateOnly SalesUntil { get; init; }
    /// <summary>Last valid day of the points, inclusive, JST.</summary>
    public DateOnly ExpiresOn { get; init; }
    public int RedemptionFeeBasisPoints { get; init; }
    public bool AllowMerchantTransfers { get; init; }
    public int MerchantTransferFeeBasisPoints { get; init; }
    /// <summary>Days after a payment's JST date during which its payee may refund it; null: no limit.</summary>
    public int? RefundWindowDays { get; init; }
    /// <summary>
    /// Days a refund of points already past their last valid day stays spendable (from the refund day);
    /// 0: such a refund is refused and the shop refunds in cash.
    /// </summary>
    public int RefundGraceDays { get; init; }
    public Guid IssuerAccountId { get; init; }
    public Guid RedeemedAccountId { get; init; }
    public Guid ExpiredAccountId { get; init; }
    public DateTime CreatedAt { get; init; }

    public long PointsPerUnit(PointKind kind) =>
        kind == PointKind.General ? GeneralPointsPerUnit : SmallBusinessPointsPerUnit;
}
