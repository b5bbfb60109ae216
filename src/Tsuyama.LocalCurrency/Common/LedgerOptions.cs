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
}
