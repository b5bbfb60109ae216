using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Common;

/// <summary>
/// A failure a client can act on. <see cref="Type"/> is the stable problem-type suffix of
/// DESIGN §8; <see cref="Status"/> is the HTTP status it maps to.
/// </summary>
public sealed record Error(string Type, string Title, string Detail, int Status)
{
    public IReadOnlyDictionary<string, string[]>? Fields { get; init; }

    /// <summary>When the client may try again (a lockout's end); hosts send it as <c>Retry-After</c>.</summary>
    public DateTimeOffset? RetryAfter { get; init; }

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

    /// <summary>Wrong e-mail and wrong password give this same answer, so it does not tell which addresses are registered.</summary>
    public static Error SignInFailed() =>
        new(ProblemTypes.Unauthorized, "サインインできません / Sign-in failed", "The e-mail address or password is wrong.", 401);

    public static Error LockedOut(DateTimeOffset until)
    {
        var jst = until.ToOffset(JapanTime.Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return new(ProblemTypes.LockedOut, "アカウントが一時的にロックされています / Account locked",
            $"サインインの失敗が続いたため、{jst}（日本時間）までサインインできません。 / Too many failed sign-ins: try again after {jst} JST.", 423)
        {
            RetryAfter = until,
        };
    }

    public static Error Rule(string type, string title, string detail) => new(type, title, detail, 422);
}

/// <summary>
/// The one catalogue of problem-type suffixes (DESIGN §8): every <see cref="Error.Type"/> and every
/// problem the web host writes itself comes from here, so a client can rely on the list. Each
/// meaning has its own type; none is reused for something else.
/// </summary>
public static class ProblemTypes
{
    public const string Validation = "validation";
    public const string Unauthorized = "unauthorized";
    public const string RateLimited = "rate-limited";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string ServerError = "server-error";
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

    /// <summary>An as-of date (e.g. of an expiry batch) that has not come yet.</summary>
    public const string DateInFuture = "date-in-future";

    /// <summary>A settlement for a cutoff whose day (JST) is not over.</summary>
    public const string CutoffNotOver = "cutoff-not-over";

    /// <summary>A settlement that pays nobody has no bank file.</summary>
    public const string NothingToPay = "nothing-to-pay";

    /// <summary>Payout details that cannot be written in a Zengin record.</summary>
    public const string InvalidBankData = "invalid-bank-data";

    /// <summary>Too little activity to report without describing single merchants.</summary>
    public const string TooFewMerchants = "too-few-merchants";

    /// <summary>A simulation run that has not finished.</summary>
    public const string NotReady = "not-ready";

    /// <summary>Too many failed sign-ins for one account; the problem says until when (JST).</summary>
    public const string LockedOut = "locked-out";

    /// <summary>A sign-in with a password someone else set (reset, bootstrap) may only change it or sign out.</summary>
    public const string PasswordChangeRequired = "password-change-required";

    /// <summary>503: lost a race with concurrent writers on every attempt; safe to retry as is.</summary>
    public const string Busy = "busy";

    /// <summary>The ledger database has no room to write (disk or size limit full); nothing was changed, retry later (503).</summary>
    public const string StorageFull = "storage-full";

    // Voucher sales and grants (docs/decisions/0012-sales-lottery-and-state-machine.md).
    public const string ResidentNotVerified = "resident-not-verified";
    public const string AmountMismatch = "amount-mismatch";
    public const string PremiumBudgetExhausted = "premium-budget-exhausted";
    public const string ApplicationsClosed = "applications-closed";
    public const string NotAWinner = "not-a-winner";
    public const string AlreadyPaid = "already-paid";
    public const string PaymentDeadlinePassed = "payment-deadline-passed";
    public const string LotteryOnly = "lottery-program";
    public const string LotteryNotReady = "lottery-not-ready";
    public const string InvalidSignature = "invalid-signature";
    public const string ReplayedEvent = "replayed-event";
    public const string PointsAlreadySpent = "points-already-spent";
    public const string AlreadyCancelled = "already-cancelled";
    public const string GrantBudgetExhausted = "grant-budget-exhausted";

    /// <summary>A refund asked for after the program's refund window (days after the payment).</summary>
    public const string RefundWindowClosed = "refund-window-closed";

    /// <summary>A monthly paper asked for before its month (JST) is over.</summary>
    public const string PeriodNotOver = "period-not-over";

    /// <summary>A fee invoice for a period in which nothing was charged.</summary>
    public const string NothingCharged = "nothing-charged";

    /// <summary>A payment to a shop the city suspended.</summary>
    public const string MerchantSuspended = "merchant-suspended";

    /// <summary>An Admin tried to deactivate their own sign-in.</summary>
    public const string CannotDeactivateSelf = "cannot-deactivate-self";
    /// <summary>A program's terms changed after its sales opened (or someone applied): they are fixed from then on.</summary>
    public const string SalesAlreadyOpen = "sales-already-open";
}
