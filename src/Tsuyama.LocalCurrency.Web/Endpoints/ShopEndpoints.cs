using System.Security.Claims;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Clerks.AddClerk;
using Tsuyama.LocalCurrency.Features.Clerks.ListClerks;
using Tsuyama.LocalCurrency.Features.Clerks.RemoveClerk;
using Tsuyama.LocalCurrency.Features.PaymentRequests.GetPaymentRequestStatus;
using Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopDay;
using Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopPayment;
using Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopTransactionsCsv;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>A shop's own takings: by day, one payment, a CSV. The merchant id comes from the sign-in.</summary>
internal static class ShopEndpoints
{
    public sealed record ClerkRequest(string? Email, string? Password);

    public static RouteGroupBuilder MapShop(this RouteGroupBuilder api)
    {
        var shop = api.MapGroup("/merchant").RequireAuthorization(p => p.RequireRole(Roles.Merchant, Roles.Clerk)).WithTags("Merchant");

        shop.MapGet("/transactions", (DateOnly? day, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                AsMerchant(user, async id => (await mediator.Send(new GetShopDayQuery(id, day), ct)).ToOk()))
            .Produces<ShopDay>();

        shop.MapGet("/transactions/csv", (DateOnly? from, DateOnly? to, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                AsMerchant(user, async id =>
                {
                    if (from is null || to is null)
                    {
                        return Problems.Validation(from is null ? "from" : "to", "is required (yyyy-MM-dd, JST)");
                    }

                    var file = await mediator.Send(new GetShopTransactionsCsvQuery(id, from.Value, to.Value), ct);
                    return file.IsSuccess ? TypedResults.File(file.Value.Content, file.Value.ContentType, file.Value.FileName) : Problems.From(file.Error);
                }))
            .Produces(200, contentType: "text/csv");

        shop.MapGet("/payments/{paymentId:guid}", (Guid paymentId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                AsMerchant(user, async id => (await mediator.Send(new GetShopPaymentQuery(id, paymentId), ct)).ToOk()))
            .Produces<ShopPaymentDetail>();
        shop.MapGet("/payment-requests/{requestId:guid}", (Guid requestId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                AsMerchant(user, async id => (await mediator.Send(new GetPaymentRequestStatusQuery(id, requestId), ct)).ToOk()))
            .Produces<PaymentRequestState>();
        var clerks = api.MapGroup("/merchant/clerks").RequireAuthorization(p => p.RequireRole(Roles.Merchant)).WithTags("Merchant");

        clerks.MapPost("", (ClerkRequest body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                AsMerchant(user, async id => (await mediator.Send(new AddClerkCommand(id, body.Email ?? "", body.Password ?? ""), ct)).ToCreated()))
            .Produces<ClerkAdded>(201);

        clerks.MapGet("", (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                AsMerchant(user, async id => (await mediator.Send(new ListClerksQuery(id), ct)).ToOk()))
            .Produces<IReadOnlyList<ClerkView>>();

        clerks.MapDelete("/{userId:guid}", (Guid userId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                AsMerchant(user, async id => (await mediator.Send(new RemoveClerkCommand(id, userId), ct)).ToOk()))
            .Produces<ClerkRemoved>();
        return api;
    }

    internal static async Task<IResult> AsMerchant(ClaimsPrincipal user, Func<Guid, Task<IResult>> action) =>
        user.MerchantId() is { } id
            ? await action(id)
            : Problems.From(Error.Forbidden("This sign-in is not linked to a merchant."));
}
