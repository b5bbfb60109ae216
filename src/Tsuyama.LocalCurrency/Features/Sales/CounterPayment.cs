using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Features.Sales;

/// <summary>How yen can be received at a counter; "other" needs a note saying what it was.</summary>
public static class CounterPayment
{
    public static readonly IReadOnlySet<string> Methods = new HashSet<string>(StringComparer.Ordinal) { "cash", "card", "bank-transfer", "other" };

    internal static void Validate(ValidationErrors e, long paidYen, string? method, string? note)
    {
        e.Positive(paidYen, "paidYen", 100_000_000);
        e.Require(method is not null && Methods.Contains(method), "paymentMethod", $"must be one of {string.Join(", ", Methods)}");
        e.Require(method != "other" || !string.IsNullOrWhiteSpace(note), "note", "is required when the payment method is 'other'");
        e.Require(note is null || note.Length <= 200, "note", "must be at most 200 characters");
    }
}
