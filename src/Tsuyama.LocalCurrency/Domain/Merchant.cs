namespace Tsuyama.LocalCurrency.Domain;

/// <summary>大型店 (floor space ≥ 1,000 m²) accept only general points.</summary>
public enum MerchantSize
{
    Small = 0,
    Large = 1,
}

public enum BankAccountType
{
    Ordinary = 1,
    Current = 2,
    Savings = 4,
    Other = 9,
}

public sealed class PayoutAccount
{
    public required string BankCode { get; init; }
    public required string BranchCode { get; init; }
    public BankAccountType AccountType { get; init; }
    public required string AccountNumber { get; init; }
    public required string HolderKana { get; init; }
}

public sealed class Merchant
{
    /// <summary>Also the id of the merchant's ledger account.</summary>
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string NameKana { get; init; }
    public required string NameRomaji { get; init; }
    /// <summary>ISO 18245 merchant category code, four digits.</summary>
    public required string Category { get; init; }
    public MerchantSize Size { get; init; }
    public required string PostalCode { get; init; }
    public required string OwnerEmail { get; init; }
    public required PayoutAccount Payout { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>
    /// 店舗番号 (<see cref="Domain.StoreNumber"/>), unique. Null only for a shop registered before
    /// store numbers existed, until <see cref="Persistence.DatabaseMigrator"/> gives it one.
    /// </summary>
    public string? StoreNumber { get; set; }

    /// <summary>
    /// Set while the city has suspended the shop (SetMerchantSuspension): it receives no payments
    /// until reactivated; its balance, history and settlements are untouched.
    /// </summary>
    public DateTime? SuspendedAt { get; set; }
}
