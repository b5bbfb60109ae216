using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Features.Sales;

/// <summary>Errors of voucher sales and grants; their types are in the one catalogue, <see cref="ProblemTypes"/>.</summary>
public static class SalesProblems
{
    public static Error NotVerifiedError(Guid residentId) => Error.Rule(ProblemTypes.ResidentNotVerified, "本人確認が済んでいません / Resident not verified",
        $"Resident '{residentId}' must have identity and residence checked at a counter before buying.");

    public static Error ClosedForApplications(string programCode, string why) =>
        Error.Rule(ProblemTypes.ApplicationsClosed, "申込期間外です / Applications closed", $"Program '{programCode}': {why}");

    public static Error Unauthorized(string detail) => new(ProblemTypes.InvalidSignature, "署名を確認できません / Signature refused", detail, 401);
}
