namespace Tsuyama.LocalCurrency.Domain;

/// <summary>A confirmed payment for units of a program: the only way purchased points are issued.</summary>
public sealed class Purchase
{
    public Guid Id { get; init; }
    public Guid ResidentId { get; init; }
    public Guid ProgramId { get; init; }
    public int Units { get; init; }
    public long PaidYen { get; init; }
    public long GeneralPoints { get; init; }
    public long SmallBusinessPoints { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>The application paid for; null for a walk-in sale.</summary>
    public Guid? ApplicationId { get; init; }
    public PurchaseChannel Channel { get; init; }

    /// <summary>How the yen came in: cash, card, … or the provider's name.</summary>
    public string PaymentMethod { get; init; } = "";
    public string? PaymentNote { get; init; }

    /// <summary>Staff user (counter) or provider event id (provider) that confirmed the payment.</summary>
    public string ConfirmedBy { get; init; } = "";
    public DateTime? CancelledAt { get; set; }
    public string? CancelledBy { get; set; }
    public string? CancelReason { get; set; }

    public long Points => GeneralPoints + SmallBusinessPoints;
}
