using System.Security.Claims;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Merchants.GetMerchantAccount;
using Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;
using Tsuyama.LocalCurrency.Features.PaymentCodes.ChargePaymentCode;
using Tsuyama.LocalCurrency.Features.PaymentRequests.CreatePaymentRequest;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>What a shop does, always as itself: the merchant id comes from the token, never the body.</summary>
internal static class MerchantEndpoints
{
    public sealed record AmountRequest(long Amount);

    public sealed record ChargeRequest(string? Code, long Amount);

    public sealed record TransferRequest(Guid ToMerchantId, long Amount);

    public static RouteGroupBuilder MapMerchantFlows(this RouteGroupBuilder api)
    {
        // Clerks act for their shop too; what they may not do is refused by the use cases (ShopStaff).
        var merchant = api.MapGroup("/merchant").RequireAuthorization(p => p.RequireRole(Roles.Merchant, Roles.Clerk)).WithTags("Merchant");

        merchant.MapPost("/payment-requests", (AmountRequest body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                user.AsMerchant(async id => (await mediator.Send(new CreatePaymentRequestCommand(id, body.Amount), ct)).ToCreated()));

        merchant.MapPost("/charges", (ChargeRequest body, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
                user.AsMerchant(async id => (await mediator.Send(new ChargePaymentCodeCommand(id, body.Code ?? "",
                    body.Amount, user.Scope(), http.IdempotencyKey()), ct))
                    .ToCreated(r => $"/api/v1/payments/{r.PaymentId}")))
            .RequiresIdempotencyKey().ProducesProblem(404).ProducesProblem(422);

        merchant.MapPost("/transfers", (TransferRequest body, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
                user.AsMerchant(async id => (await mediator.Send(new TransferToMerchantCommand(id, body.ToMerchantId,
                    body.Amount, user.Scope(), http.IdempotencyKey()), ct)).ToCreated()))
            .RequiresIdempotencyKey().ProducesProblem(404).ProducesProblem(422);

        merchant.MapGet("/account", (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                user.AsMerchant(async id => (await mediator.Send(new GetMerchantAccountQuery(id), ct)).ToOk()));

        api.MapPost("/payments/{id:guid}/refunds", (Guid id, AmountRequest body,
            ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
                user.AsMerchant(async merchantId => (await mediator.Send(new RefundPaymentCommand(merchantId, id,
                    body.Amount, user.Scope(), http.IdempotencyKey()), ct)).ToCreated()))
            .RequireAuthorization(p => p.RequireRole(Roles.Merchant, Roles.Clerk)).RequiresIdempotencyKey()
            .WithTags("Payments").ProducesProblem(422);
        return api;
    }
}
