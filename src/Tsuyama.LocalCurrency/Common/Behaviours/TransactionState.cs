namespace Tsuyama.LocalCurrency.Common.Behaviours;

/// <summary>
/// Per-request state shared by the transaction and idempotency behaviours: a refused idempotent
/// command has its effects rolled back to a savepoint but its outcome must still be committed.
/// </summary>
public sealed class TransactionState
{
    private readonly List<Action> _afterCommit = [];

    public bool CommitDespiteFailure { get; set; }

    /// <summary>
    /// Work that must only happen once the data it refers to is committed, such as enqueueing a
    /// background job that reads a row this command inserted.
    /// </summary>
    public void AfterCommit(Action action) => _afterCommit.Add(action);

    /// <summary>
    /// The handler's writes were rolled back but the transaction still commits (a remembered
    /// refusal): what it meant to announce did not happen.
    /// </summary>
    public void DiscardAfterCommit() => _afterCommit.Clear();

    public void Reset()
    {
        CommitDespiteFailure = false;
        _afterCommit.Clear();
    }

    public void Committed()
    {
        foreach (var action in _afterCommit)
        {
            action();
        }

        _afterCommit.Clear();
    }
}
