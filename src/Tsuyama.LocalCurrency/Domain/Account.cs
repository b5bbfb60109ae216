namespace Tsuyama.LocalCurrency.Domain;

/// <summary>
/// A ledger account. Residents and merchants hold one account across all programs (its id is the
/// resident's or merchant's id); issuer, redeemed and expired accounts exist once per program.
/// </summary>
public sealed class Account
{
    public Guid Id { get; init; }
    public AccountType Type { get; init; }
    public Guid? ProgramId { get; init; }
    public DateTime CreatedAt { get; init; }
}
