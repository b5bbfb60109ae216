namespace Tsuyama.LocalCurrency.Domain;

/// <summary>
/// 換金・精算: one run that redeemed every merchant's points received up to the end of
/// <see cref="Cutoff"/> (JST). The unique index on the cutoff is what makes a second run of the
/// same cutoff fail inside its transaction, so nobody is paid twice.
/// </summary>
public sealed class Settlement
{
    public Guid Id { get; init; }
    /// <summary>Last day (JST, inclusive) whose points this settlement redeemed.</summary>
    public DateOnly Cutoff { get; init; }
    public DateTime CreatedAt { get; init; }
    /// <summary>振込指定日 written in the Zengin file.</summary>
    public DateOnly TransferDate { get; init; }
    public int MerchantCount { get; init; }
    public long Points { get; init; }
    public long FeeYen { get; init; }
    public long TaxInFeeYen { get; init; }
    public long PayoutYen { get; init; }
    public List<SettlementLine> Lines { get; init; } = [];
}

/// <summary>What one merchant was paid for the points of one program in one settlement.</summary>
public sealed class SettlementLine
{
    public Guid SettlementId { get; init; }
    public Guid MerchantId { get; init; }
    public Guid ProgramId { get; init; }
    public long Points { get; init; }
    public long FeeYen { get; init; }
    public long TaxInFeeYen { get; init; }
    public long PayoutYen { get; init; }
}
