using System.Security.Claims;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.PaymentCodes.IssuePaymentCode;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.PayByQr;
using Tsuyama.LocalCurrency.Features.Payments.PayByStoreNumber;
using Tsuyama.LocalCurrency.Features.Wallets.GetWallet;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>What a resident does: see the wallet, pay by QR, show a code (buying is in SalesEndpoints).</summary>
internal static class ResidentEndpoints
{
    /// <summary>Either the scanned <paramref name="QrPayload"/> or the typed <paramref name="StoreNumber"/> (then the amount is required).</summary>
    public sealed record PaymentRequestBody(string? QrPayload, long? Amount, string? StoreNumber = null);

    public static RouteGroupBuilder MapResidentFlows(this RouteGroupBuilder api)
    {
        api.MapGet("/wallet", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetWalletQuery(user.ResidentId()), ct)).ToOk())
            .RequireAuthorization(p => p.RequireRole(Roles.Resident)).WithTags("Residents");

        api.MapPost("/payments", async (PaymentRequestBody body, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (body.StoreNumber is { } storeNumber && string.IsNullOrEmpty(body.QrPayload)
                    ? await mediator.Send(new PayByStoreNumberCommand(user.ResidentId(), storeNumber, body.Amount ?? 0, user.Scope(),
                        http.IdempotencyKey()), ct)
                    : await mediator.Send(new PayByQrCommand(user.ResidentId(), body.QrPayload ?? "", body.Amount, user.Scope(), http.IdempotencyKey()), ct))
                    .ToCreated(r => $"/api/v1/payments/{r.PaymentId}"))
            .RequireAuthorization(p => p.RequireRole(Roles.Resident)).RequiresIdempotencyKey()
            .WithTags("Payments").ProducesProblem(404).ProducesProblem(422);

        api.MapPost("/payment-codes", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new IssuePaymentCodeCommand(user.ResidentId()), ct)).ToCreated())
            .RequireAuthorization(p => p.RequireRole(Roles.Resident)).WithTags("Payments");
        return api;
    }
}
