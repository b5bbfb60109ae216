using Microsoft.AspNetCore.Mvc;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;

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
        if (error.RetryAfter is not { } retryAfter)
        {
            return TypedResults.Problem(problem);
        }

        problem.Extensions["retryAfter"] = retryAfter.ToOffset(JapanTime.Offset);
        return new WithRetryAfter(TypedResults.Problem(problem), retryAfter);
    }

    /// <summary>A problem that also tells the client, in the standard header, when to try again.</summary>
    private sealed class WithRetryAfter(IResult inner, DateTimeOffset retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var now = httpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            var seconds = Math.Max(1, (long)Math.Ceiling((retryAfter - now).TotalSeconds));
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }

    public static IResult Validation(string field, string message) => From(Error.Validation(field, message));
}
