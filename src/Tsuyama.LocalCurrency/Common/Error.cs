namespace Tsuyama.LocalCurrency.Common;

/// <summary>
/// A failure a client can act on. <see cref="Type"/> is the stable problem-type suffix of
/// DESIGN §8; <see cref="Status"/> is the HTTP status it maps to.
/// </summary>
public sealed record Error(string Type, string Title, string Detail, int Status)
{
    public IReadOnlyDictionary<string, string[]>? Fields { get; init; }

    public static Error Validation(IReadOnlyDictionary<string, string[]> fields) =>
        new(ProblemTypes.Validation, "入力内容に誤りがあります / Invalid input",
            string.Join(" ", fields.SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}"))), 400) { Fields = fields };

    public static Error Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static Error NotFound(string what, object id) =>
        new(ProblemTypes.NotFound, "見つかりません / Not found", $"{what} '{id}' does not exist.", 404);

    public static Error Forbidden(string detail) =>
        new(ProblemTypes.Forbidden, "権限がありません / Forbidden", detail, 403);

    public static Error Conflict(string detail) =>
        new(ProblemTypes.Conflict, "競合しています / Conflict", detail, 409);

    public static Error InsufficientBalance(long available, long requested) =>
        new(ProblemTypes.InsufficientBalance, "残高が不足しています / Insufficient balance",
            $"Requested {requested} points but only {available} are available.", 422);

    public static Error LimitExceeded(string detail) =>
        new(ProblemTypes.LimitExceeded, "上限を超えています / Limit exceeded", detail, 422);

    public static Error NotEligible(string detail) =>
        new(ProblemTypes.MerchantNotEligible, "このお店では使えません / Not eligible", detail, 422);

    public static Error Rule(string type, string title, string detail) => new(type, title, detail, 422);
}

public static class ProblemTypes
{
    public const string Validation = "validation";
    public const string NotFound = "not-found";
    public const string Forbidden = "forbidden";
    public const string Conflict = "conflict";
    public const string InsufficientBalance = "insufficient-balance";
    public const string MerchantNotEligible = "merchant-not-eligible";
    public const string InvalidQr = "invalid-qr";
    public const string Expired = "expired";
    public const string LimitExceeded = "limit-exceeded";
    public const string IdempotencyConflict = "idempotency-conflict";
    public const string SalesClosed = "sales-closed";
    public const string RefundExceedsPayment = "refund-exceeds-payment";
    public const string TransfersNotAllowed = "merchant-transfers-not-allowed";
    /// <summary>503: lost a race with concurrent writers on every attempt; safe to retry as is.</summary>
    public const string Busy = "busy";
}
