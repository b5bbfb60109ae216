namespace Tsuyama.LocalCurrency.Domain;

/// <summary>A dynamic store QR: one amount, one use, a few minutes of life.</summary>
public sealed class PaymentRequest
{
    public Guid Id { get; init; }
    public Guid MerchantId { get; init; }
    public long Amount { get; init; }
    public DateTime ExpiresAt { get; init; }
    /// <summary>Set once, by a conditional update, by the payment that used the request.</summary>
    public Guid? PaymentId { get; set; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>
/// A user-presented one-time code. Only its SHA-256 is stored, so a database reader cannot
/// charge a resident with a code still in its validity window.
/// </summary>
public sealed class PaymentCode
{
    public required string CodeHash { get; init; }
    public Guid ResidentId { get; init; }
    public DateTime ExpiresAt { get; init; }
    public Guid? PaymentId { get; set; }
    public DateTime CreatedAt { get; init; }
}
