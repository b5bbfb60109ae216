using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
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
                user.AsMerchant(async id => (await mediator.Send(new GetShopDayQuery(id, day), ct)).ToOk()));

        shop.MapGet("/transactions/csv", (DateOnly? from, DateOnly? to, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                user.AsMerchant(async Task<Results<FileContentHttpResult, ApiProblem>> (id) =>
                {
                    if (from is null || to is null)
                    {
                        return Problems.Validation(from is null ? "from" : "to", "is required (yyyy-MM-dd, JST)");
                    }

                    return (await mediator.Send(new GetShopTransactionsCsvQuery(id, from.Value, to.Value), ct)).ToFile();
                }))
            .Produces(200, contentType: "text/csv");

        shop.MapGet("/payments/{paymentId:guid}", (Guid paymentId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                user.AsMerchant(async id => (await mediator.Send(new GetShopPaymentQuery(id, paymentId), ct)).ToOk()));
        shop.MapGet("/payment-requests/{requestId:guid}", (Guid requestId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                user.AsMerchant(async id => (await mediator.Send(new GetPaymentRequestStatusQuery(id, requestId), ct)).ToOk()));
        var clerks = api.MapGroup("/merchant/clerks").RequireAuthorization(p => p.RequireRole(Roles.Merchant)).WithTags("Merchant");

        clerks.MapPost("", (ClerkRequest body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                user.AsMerchant(async id => (await mediator.Send(new AddClerkCommand(id, body.Email ?? "", body.Password ?? ""), ct)).ToCreated()))
            .ProducesProblem(409);

        clerks.MapGet("", (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                user.AsMerchant(async id => (await mediator.Send(new ListClerksQuery(id), ct)).ToOk()));

        clerks.MapDelete("/{userId:guid}", (Guid userId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                user.AsMerchant(async id => (await mediator.Send(new RemoveClerkCommand(id, userId), ct)).ToOk()));
        return api;
    }
}
