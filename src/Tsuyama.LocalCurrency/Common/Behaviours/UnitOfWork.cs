namespace Tsuyama.LocalCurrency.Common.Behaviours;

/// <summary>
/// Per-request state shared by the transaction and idempotency behaviours: a refused idempotent
/// command has its effects rolled back to a savepoint but its outcome must still be committed.
/// </summary>
internal sealed class UnitOfWork
{
    public bool CommitDespiteFailure { get; set; }
}

/// <summary>
/// Thrown when a conditional update finds the row changed by a concurrent transaction after it was
/// read; the transaction behaviour retries the whole request.
/// </summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
