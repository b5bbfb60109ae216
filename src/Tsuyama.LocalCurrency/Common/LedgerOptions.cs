namespace Tsuyama.LocalCurrency.Common;

/// <summary>Bound from the <c>Ledger</c> configuration section.</summary>
public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>The largest amount one payment, refund or transfer may move.</summary>
    public long MaxAmount { get; set; } = 1_000_000;

    /// <summary>How long a dynamic store QR can be paid.</summary>
    public TimeSpan PaymentRequestLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a resident's one-time payment code can be charged.</summary>
    public TimeSpan PaymentCodeLifetime { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The most payments one SQLite group commit may hold (docs/decisions/0024-group-commit.md). The first
    /// member waits for the whole group before it is answered, so this bounds the added latency; 1 turns grouping off.
    /// </summary>
    public int MaxGroupCommit { get; set; } = 32;

    /// <summary>
    /// The longest a SQLite group commit may stay open, counted from its first member: the member leaving after that
    /// commits even with others in line, so the first member's wait is bounded in time too, not only in members.
    /// Null: no limit (the group closes when nobody waits or it is full).
    /// </summary>
    public TimeSpan? MaxGroupCommitAge { get; set; }
}
