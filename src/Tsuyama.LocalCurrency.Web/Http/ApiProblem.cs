using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>
/// The typed result of every refusal an endpoint returns (made only by <see cref="Problems.From"/>):
/// a problem details body, plus <c>Retry-After</c> when the error says when to try again. Which
/// statuses a route can return is documented by <see cref="ProblemResponses"/>, not by this type.
/// </summary>
internal sealed class ApiProblem : IResult, IStatusCodeHttpResult, IValueHttpResult<ProblemDetails>, IValueHttpResult, IContentTypeHttpResult
{
    private readonly ProblemHttpResult _problem;
    private readonly DateTimeOffset? _retryAfter;

    internal ApiProblem(ProblemDetails problem, DateTimeOffset? retryAfter)
    {
        _problem = TypedResults.Problem(problem);
        _retryAfter = retryAfter;
    }

    public int StatusCode => _problem.StatusCode;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public ProblemDetails Value => _problem.ProblemDetails;

    object? IValueHttpResult.Value => Value;

    public string ContentType => _problem.ContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (_retryAfter is { } retryAfter)
        {
            // The standard header tells the client when to try again, in whole seconds from now.
            var now = httpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            var seconds = Math.Max(1, (long)Math.Ceiling((retryAfter - now).TotalSeconds));
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return _problem.ExecuteAsync(httpContext);
    }
}
