namespace Tsuyama.LocalCurrency.Domain;

public enum TransferType
{
    Issue = 0,
    Payment = 1,
    Refund = 2,
    MerchantTransfer = 3,
    MerchantTransferFee = 4,
    Redemption = 5,
    Expiry = 6,

    /// <summary>A cancelled purchase's points going back to the issuer.</summary>
    IssueReversal = 7,
}

/// <summary>
/// One movement of points of one (program, kind) between two accounts. Append-only: never
/// updated or deleted; mistakes are corrected by new transfers.
/// </summary>
public sealed class Transfer
{
    /// <summary>Commit order; the seal chain covers transfers in this order.</summary>
    public long Sequence { get; init; }
    public Guid Id { get; init; }
    public Guid ProgramId { get; init; }
    public PointKind Kind { get; init; }
    public Guid FromAccountId { get; init; }
    public Guid ToAccountId { get; init; }
    public long Amount { get; init; }
    public TransferType Type { get; init; }
    /// <summary>The purchase, payment, refund, … that this transfer belongs to.</summary>
    public Guid OperationId { get; init; }
    public DateTime CreatedAt { get; init; }
}
