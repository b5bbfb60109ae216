namespace Tsuyama.LocalCurrency.Domain;

/// <summary>
/// The outcome of one ledger verification run from the city office's console, kept so the console
/// can show the last result (and when, and by whom) without re-running a full check on every visit.
/// Append-only, like the audit log it complements.
/// </summary>
public sealed class LedgerCheck
{
    public Guid Id { get; init; }
    public DateTime CheckedAt { get; init; }
    public bool Ok { get; init; }
    public long Transfers { get; init; }
    public long SealedTransfers { get; init; }
    public int Blocks { get; init; }
    public int ProblemCount { get; init; }

    /// <summary>The first problems found, one a line (cut at the column's length); empty when the check passed.</summary>
    public required string Problems { get; init; }

    /// <summary>The newest block's hash at the time, to keep as an anchor.</summary>
    public string? Head { get; init; }
    public bool Signed { get; init; }
    public required string CheckedBy { get; init; }
}
