namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>Every POST that moves points must carry an Idempotency-Key header (DESIGN §4, §8).</summary>
internal sealed class RequireIdempotencyKey : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    private const int MaxLength = 100;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var key = context.HttpContext.Request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxLength || key.Any(char.IsControl))
        {
            return ValueTask.FromResult<object?>(Problems.Validation(Header,
                $"the {Header} header is required on this request (1–{MaxLength} printable characters)"));
        }

        return next(context);
    }
}

internal static class IdempotencyKeyExtensions
{
    public static RouteHandlerBuilder RequiresIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<RequireIdempotencyKey>()
            .WithMetadata(new ProblemResponses.IdempotentRoute());

    public static string? IdempotencyKey(this HttpContext http) =>
        http.Request.Headers[RequireIdempotencyKey.Header].ToString() is { Length: > 0 } key ? key : null;
}
