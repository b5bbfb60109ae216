using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>
/// Documents, once for the whole API, the problem responses the request pipeline itself can give
/// (DESIGN §8): 400 for a route that reads client input, 401/403 for a route behind sign-in, 404 for
/// a route that names a record, 409 for a write with an Idempotency-Key, 429 for a rate-limited
/// route, 503 (busy, storage full) for every write. A route adds only what its use case refuses with
/// beyond those (e.g. <c>.ProducesProblem(422)</c>). Outside production a route that returns a problem
/// status it does not document fails loudly, so the whole test suite checks the document.
/// </summary>
internal static class ProblemResponses
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>Marks a route whose Idempotency-Key may collide with an earlier, different request (409).</summary>
    internal sealed class IdempotentRoute;

    public static RouteGroupBuilder WithProblemResponses(this RouteGroupBuilder api, bool verify)
    {
        ((IEndpointConventionBuilder)api).Finally(Document);
        if (verify)
        {
            api.AddEndpointFilter(VerifyDocumentedAsync);
        }

        return api;
    }

    private static void Document(EndpointBuilder endpoint)
    {
        var metadata = endpoint.Metadata;
        var method = metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).FirstOrDefault() ?? "GET";
        var writes = method is not ("GET" or "HEAD");
        var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern;
        var statuses = new SortedSet<int>();
        if (writes || ReadsClientInput(endpoint))
        {
            statuses.Add(StatusCodes.Status400BadRequest);
        }

        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
            statuses.Add(StatusCodes.Status403Forbidden);
        }

        if (pattern?.Parameters.Count > 0)
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }

        if (metadata.OfType<IdempotentRoute>().Any())
        {
            statuses.Add(StatusCodes.Status409Conflict);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }

        if (writes)
        {
            statuses.Add(StatusCodes.Status503ServiceUnavailable);
        }

        var documented = Documented(metadata);
        foreach (var status in statuses.Where(s => !documented.Contains(s)))
        {
            metadata.Add(new ProducesResponseTypeMetadata(status,
                status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails), [ProblemJson]));
        }
    }

    /// <summary>A body, a route value or a query value: anything bound from the request rather than from services or the sign-in.</summary>
    private static bool ReadsClientInput(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is not { } handler)
        {
            return false;
        }

        var services = endpoint.ApplicationServices.GetService<IServiceProviderIsService>();
        return handler.GetParameters().Any(p =>
            p.ParameterType != typeof(ClaimsPrincipal) && p.ParameterType != typeof(HttpContext) && p.ParameterType != typeof(HttpRequest)
            && p.ParameterType != typeof(CancellationToken) && services?.IsService(p.ParameterType) != true);
    }

    private static HashSet<int> Documented(IEnumerable<object> metadata) =>
        [.. metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode)];

    private static async ValueTask<object?> VerifyDocumentedAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var inner = result;
        while (inner is INestedHttpResult nested)
        {
            inner = nested.Result;
        }

        if (inner is ApiProblem problem && context.HttpContext.GetEndpoint() is { } endpoint
            && !Documented(endpoint.Metadata).Contains(problem.StatusCode))
        {
            throw new InvalidOperationException(
                $"{endpoint.DisplayName} returned {problem.StatusCode} ({problem.Value.Type}) but does not document it: "
                + $"add .ProducesProblem({problem.StatusCode}).");
        }

        return result;
    }
}
