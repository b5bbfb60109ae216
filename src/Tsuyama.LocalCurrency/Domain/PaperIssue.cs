namespace Tsuyama.LocalCurrency.Domain;

public enum PaperKind
{
    /// <summary>適格請求書 for the redemption fee of one settlement.</summary>
    RedemptionInvoice = 1,
    /// <summary>適格請求書 for one month's shop-to-shop transfer fees.</summary>
    TransferFeeInvoice = 2,
    /// <summary>支払通知書 of one settlement.</summary>
    PaymentNotice = 3,
}

/// <summary>
/// The first issue of a paper for a shop. Every later copy is a reissue (再発行) of this one: same
/// number, same issue date, same issuer name and registration number (kept here, so changing the
/// configuration later does not rewrite invoices already handed out).
/// </summary>
public sealed class PaperIssue
{
    public Guid Id { get; init; }
    public PaperKind Kind { get; init; }
    public Guid MerchantId { get; init; }
    /// <summary>What the paper is about: the settlement id, or the month as yyyy-MM.</summary>
    public required string Subject { get; init; }
    /// <summary>請求書番号 / 通知書番号, unique, e.g. R2026-000123.</summary>
    public required string Number { get; init; }
    public DateTime IssuedAt { get; init; }
    public required string IssuedBy { get; init; }
    public required string IssuerName { get; init; }
    public required string RegistrationNumber { get; init; }
}
