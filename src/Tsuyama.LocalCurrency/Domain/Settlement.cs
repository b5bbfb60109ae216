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
    public List<SettlementHold> Holds { get; init; } = [];
}

/// <summary>
/// A merchant a settlement did not pay because its payout account cannot be written to the bank
/// file. Nothing was redeemed, so the points stay on the merchant's balance and the next run that
/// finds the account corrected pays them.
/// </summary>
public sealed class SettlementHold
{
    public Guid SettlementId { get; init; }
    public Guid MerchantId { get; init; }
    /// <summary>Points that would have been redeemed, all programs and kinds.</summary>
    public long Points { get; init; }
    public required string Reason { get; init; }
}

/// <summary>
/// What one merchant was paid for the points of one program in one settlement, and where to: the
/// payee's bank details are copied here when the settlement runs, so the bank file and statements
/// of an issued settlement never change when the shop later edits its account.
/// </summary>
public sealed class SettlementLine
{
    public Guid SettlementId { get; init; }
    public Guid MerchantId { get; init; }
    public Guid ProgramId { get; init; }
    public long Points { get; init; }
    public long FeeYen { get; init; }
    public long TaxInFeeYen { get; init; }
    public long PayoutYen { get; init; }
    /// <summary>被仕向銀行番号 at settlement time, 4 digits.</summary>
    public required string PayeeBankNumber { get; init; }
    /// <summary>被仕向支店番号 at settlement time, 3 digits.</summary>
    public required string PayeeBranchNumber { get; init; }
    public BankAccountType PayeeAccountType { get; init; }
    /// <summary>7 digits.</summary>
    public required string PayeeAccountNumber { get; init; }
    /// <summary>受取人名 exactly as written to the Zengin file (half-width bank kana, at most 30 characters).</summary>
    public required string PayeeHolderKana { get; init; }
}
