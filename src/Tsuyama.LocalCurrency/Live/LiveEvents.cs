using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Live;

/// <summary>A shop received a payment (any channel: store QR, number, dynamic QR, a charged code).</summary>
public sealed record PaymentReceived(Guid PaymentId, long Amount, DateTime At, string DisplayNumber, PaymentChannel Channel)
{
    public const string Type = "payment-received";
}

/// <summary>A resident's one-time code was charged by a shop: their phone turns to the completion screen.</summary>
public sealed record CodeCharged(Guid PaymentId, Guid MerchantId, string StoreName, long Amount, DateTime At, string DisplayNumber)
{
    public const string Type = "code-charged";
}

/// <summary>A dynamic QR was paid: the shop's countdown flips to 支払い済み.</summary>
public sealed record PaymentRequestPaid(Guid RequestId, Guid PaymentId, long Amount, DateTime At, string DisplayNumber)
{
    public const string Type = "payment-request-paid";
}
