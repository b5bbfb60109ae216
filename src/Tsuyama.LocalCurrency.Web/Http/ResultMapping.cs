using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Settlements;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>A use case's result as a typed HTTP result: the success type is in the OpenAPI document because the compiler sees it.</summary>
internal static class ResultMapping
{
    public static Results<Ok<T>, ApiProblem> ToOk<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : Problems.From(result.Error);

    /// <summary>200 with a view made from the use case's value (e.g. a scenario's JSON as an object).</summary>
    public static Results<Ok<TView>, ApiProblem> ToOk<T, TView>(this Result<T> result, Func<T, TView> view) =>
        result.IsSuccess ? TypedResults.Ok(view(result.Value)) : Problems.From(result.Error);

    /// <summary>202: the work is queued; <paramref name="location"/> is where to watch it.</summary>
    public static Results<Accepted<T>, ApiProblem> ToAccepted<T>(this Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Accepted(location(result.Value), result.Value) : Problems.From(result.Error);

    public static Results<NoContent, ApiProblem> ToNoContent<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.NoContent() : Problems.From(result.Error);

    public static Results<Created<T>, ApiProblem> ToCreated<T>(this Result<T> result, Func<T, string>? location = null) =>
        result.IsSuccess ? TypedResults.Created(location?.Invoke(result.Value), result.Value) : Problems.From(result.Error);

    public static Results<FileContentHttpResult, ApiProblem> ToFile(this Result<SettlementFile> result) =>
        result.IsSuccess ? TypedResults.File(result.Value.Content, result.Value.ContentType, result.Value.FileName) : Problems.From(result.Error);

    /// <summary>Shop routes act as the shop in the sign-in; a sign-in without one (a clerk whose shop is gone) is refused here, once.</summary>
    public static async Task<Results<TOk, ApiProblem>> AsMerchant<TOk>(this ClaimsPrincipal user, Func<Guid, Task<Results<TOk, ApiProblem>>> action)
        where TOk : IResult =>
        user.MerchantId() is { } id ? await action(id) : NotAMerchant();

    public static ApiProblem NotAMerchant() => Problems.From(Error.Forbidden("This sign-in is not linked to a merchant."));
}
