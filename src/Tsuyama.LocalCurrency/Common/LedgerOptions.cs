namespace Tsuyama.LocalCurrency.Common;

/// <summary>Bound from the <c>Ledger</c> configuration section.</summary>
public sealed class LedgerOptions
{
    /// <summary>The largest amount one payment, refund or transfer may move.</summary>
    public long MaxAmount { get; set; } = 1_000_000;
}
