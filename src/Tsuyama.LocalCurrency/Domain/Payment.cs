namespace Tsuyama.LocalCurrency.Domain;

public enum PaymentChannel
{
    StoreQr = 0,
    DynamicQr = 1,
    PresentedCode = 2,
    // 3 was a "direct" channel no flow ever used; kept free so stored values keep their meaning.
    /// <summary>The resident typed the 店舗番号 printed under the store QR.</summary>
    StoreNumber = 4,
}

public sealed class Payment
{
    public Guid Id { get; init; }
    public Guid ResidentId { get; init; }
    public Guid MerchantId { get; init; }
    public long Amount { get; init; }
    /// <summary>Raised only by a conditional update that cannot pass <see cref="Amount"/>.</summary>
    public long RefundedAmount { get; set; }
    public PaymentChannel Channel { get; init; }
    public DateTime CreatedAt { get; init; }
    public List<PaymentAllocation> Allocations { get; init; } = [];
}

/// <summary>Which lot paid how much of a payment; refunds give points back to the same expiry.</summary>
public sealed class PaymentAllocation
{
    public Guid PaymentId { get; init; }
    public int Index { get; init; }
    public Guid LotId { get; init; }
    public Guid ProgramId { get; init; }
    public PointKind Kind { get; init; }
    public DateOnly ExpiresOn { get; init; }
    public long Amount { get; init; }
    public long Refunded { get; set; }
}

public sealed class Refund
{
    public Guid Id { get; init; }
    public Guid PaymentId { get; init; }
    public long Amount { get; init; }
    public DateTime CreatedAt { get; init; }
}

public sealed class MerchantTransfer
{
    public Guid Id { get; init; }
    public Guid FromMerchantId { get; init; }
    public Guid ToMerchantId { get; init; }
    public long Amount { get; init; }
    public long Fee { get; init; }
    public DateTime CreatedAt { get; init; }
}
