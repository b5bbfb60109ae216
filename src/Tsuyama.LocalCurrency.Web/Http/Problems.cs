using Microsoft.AspNetCore.Mvc;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>
/// The one mapping from an <see cref="Error"/> to RFC 7807 problem details whose <c>type</c> ends in
/// the stable suffix of DESIGN §8 (framework-made problems: <see cref="ProblemTypesByStatus"/>;
/// exceptions: <see cref="ApiExceptionHandler"/>).
/// </summary>
internal static class Problems
{
    public static string TypeUri(string suffix) => $"/problems/{suffix}";

    public static ApiProblem From(Error error)
    {
        var problem = error.Fields is { } fields
            ? new HttpValidationProblemDetails(fields.ToDictionary(f => f.Key, f => f.Value))
            : new ProblemDetails();
        problem.Type = TypeUri(error.Type);
        problem.Title = error.Title;
        problem.Detail = error.Detail;
        problem.Status = error.Status;
        if (error.RetryAfter is { } retryAfter)
        {
            problem.Extensions["retryAfter"] = retryAfter.ToOffset(JapanTime.Offset);
        }

        return new ApiProblem(problem, error.RetryAfter);
    }

    public static ApiProblem Validation(string field, string message) => From(Error.Validation(field, message));
}
