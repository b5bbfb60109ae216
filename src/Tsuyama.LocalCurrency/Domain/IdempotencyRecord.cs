namespace Tsuyama.LocalCurrency.Domain;

/// <summary>
/// The first outcome of a mutating request, keyed by (caller scope, Idempotency-Key) under a unique
/// index and written in the same transaction as the request's transfers.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string Scope { get; init; }
    public required string Key { get; init; }
    public required string RequestName { get; init; }
    public required string RequestHash { get; init; }
    public bool Succeeded { get; init; }
    public required string OutcomeJson { get; init; }
    public DateTime CreatedAt { get; init; }
}
