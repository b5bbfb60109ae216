namespace Tsuyama.LocalCurrency.Domain;

/// <summary>Where a dynamic QR stands, for the shop's countdown and for a resident about to pay it.</summary>
public enum PaymentRequestStatus
{
    Pending = 0,
    Paid = 1,
    Expired = 2,
}

public static class PaymentRequestStates
{
    /// <summary>Paid wins over expired: a request paid in its last second stays paid.</summary>
    public static PaymentRequestStatus Of(PaymentRequest request, DateTime now) =>
        request.PaymentId is not null ? PaymentRequestStatus.Paid
        : request.ExpiresAt <= now ? PaymentRequestStatus.Expired
        : PaymentRequestStatus.Pending;
}
