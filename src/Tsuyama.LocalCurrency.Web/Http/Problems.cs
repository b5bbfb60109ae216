using Microsoft.AspNetCore.Mvc;
using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>RFC 7807 problem details whose <c>type</c> ends in the stable suffix of DESIGN §8.</summary>
internal static class Problems
{
    public static string TypeUri(string suffix) => $"/problems/{suffix}";

    public static IResult From(Error error)
    {
        var problem = error.Fields is { } fields
            ? new HttpValidationProblemDetails(fields.ToDictionary(f => f.Key, f => f.Value))
            : new ProblemDetails();
        problem.Type = TypeUri(error.Type);
        problem.Title = error.Title;
        problem.Detail = error.Detail;
        problem.Status = error.Status;
        return TypedResults.Problem(problem);
    }

    public static IResult Validation(string field, string message) => From(Error.Validation(field, message));
}
