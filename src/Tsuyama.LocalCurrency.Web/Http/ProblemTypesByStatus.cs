using Microsoft.AspNetCore.Http;
using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>Gives framework-made problems (401, 403, 404, 429 …) our stable type suffixes too.</summary>
internal static class ProblemTypesByStatus
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is { } type && type.StartsWith("/problems/", StringComparison.Ordinal))
        {
            return;
        }

        (problem.Type, problem.Title) = problem.Status switch
        {
            400 => (Problems.TypeUri(ProblemTypes.Validation), problem.Title),
            401 => (Problems.TypeUri(ProblemTypes.Unauthorized), "サインインが必要です / Sign-in required"),
            403 => (Problems.TypeUri(ProblemTypes.Forbidden), "権限がありません / Forbidden"),
            404 => (Problems.TypeUri(ProblemTypes.NotFound), "見つかりません / Not found"),
            405 => (Problems.TypeUri(ProblemTypes.MethodNotAllowed), problem.Title),
            429 => (Problems.TypeUri(ProblemTypes.RateLimited), "しばらくしてから再度お試しください / Too many requests"),
            _ => (problem.Type, problem.Title),
        };
    }
}
