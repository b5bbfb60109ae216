namespace Tsuyama.LocalCurrency.Qr;

/// <summary>
/// A code that cannot be used. <see cref="Exception.Message"/> is an English sentence for the
/// problem detail and logs; <see cref="ResidentMessage"/> is the Japanese sentence to show at the
/// till, which deliberately says only what the resident or cashier can act on.
/// </summary>
public sealed class QrFormatException : Exception
{
    public QrFormatException(QrRejectionReason reason, string message, string? tag = null)
        : base(message)
    {
        Reason = reason;
        Tag = tag;
    }

    public QrRejectionReason Reason { get; }

    /// <summary>The EMVCo tag path the problem was found at (e.g. "63" or "26.01"), when there is one.</summary>
    public string? Tag { get; }

    /// <summary>Machine-friendly reason in kebab case, e.g. "crc-mismatch", for API problem extensions.</summary>
    public string ReasonCode => QrRejectionMessages.ToCode(Reason);

    public string ResidentMessage => QrRejectionMessages.ForResident(Reason);
}
