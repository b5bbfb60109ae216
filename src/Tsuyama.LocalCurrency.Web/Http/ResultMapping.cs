using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Web.Http;

internal static class ResultMapping
{
    public static IResult ToOk<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : Problems.From(result.Error);

    public static IResult ToCreated<T>(this Result<T> result, Func<T, string>? location = null) =>
        result.IsSuccess ? TypedResults.Created(location?.Invoke(result.Value), result.Value) : Problems.From(result.Error);
}
