using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Features.Sales;

/// <summary>Problem types of voucher sales and grants (DESIGN §8 style suffixes), kept apart from the ledger's.</summary>
public static class SalesProblems
{
    public const string NotVerified = "resident-not-verified";
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

    public static Error NotVerifiedError(Guid residentId) => Error.Rule(NotVerified, "本人確認が済んでいません / Resident not verified",
        $"Resident '{residentId}' must have identity and residence checked at a counter before buying.");

    public static Error ClosedForApplications(string programCode, string why) =>
        Error.Rule(ApplicationsClosed, "申込期間外です / Applications closed", $"Program '{programCode}': {why}");

    public static Error Unauthorized(string detail) => new(InvalidSignature, "署名を確認できません / Signature refused", detail, 401);
}
