using System.Security.Claims;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.PaymentCodes.IssuePaymentCode;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.PayByQr;
using Tsuyama.LocalCurrency.Features.Payments.PayByStoreNumber;
using Tsuyama.LocalCurrency.Features.Purchases.PurchasePoints;
using Tsuyama.LocalCurrency.Features.Wallets.GetWallet;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>What a resident does: buy points, see the wallet, pay by QR, show a code.</summary>
internal static class ResidentEndpoints
{
    public sealed record PurchaseRequest(string? ProgramCode, int Units, Guid? ResidentId);

    /// <summary>Either the scanned <paramref name="QrPayload"/> or the typed <paramref name="StoreNumber"/> (then the amount is required).</summary>
    public sealed record PaymentRequestBody(string? QrPayload, long? Amount, string? StoreNumber = null);

    public static RouteGroupBuilder MapResidentFlows(this RouteGroupBuilder api)
    {
        api.MapPost("/purchases", async (PurchaseRequest body, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                // A resident buys for themselves; the counter (Admin) names the resident.
                Guid resident;
                if (user.IsInRole(Roles.Admin))
                {
                    if (body.ResidentId is not { } named)
                    {
                        return Problems.Validation("residentId", "is required when buying on a resident's behalf");
                    }

                    resident = named;
                }
                else if (body.ResidentId is { } other && other != user.ResidentId())
                {
                    return Problems.From(Error.Forbidden("A resident can only buy points for themselves."));
                }
                else
                {
                    resident = user.ResidentId();
                }

                return (await mediator.Send(new PurchasePointsCommand(resident, body.ProgramCode ?? "", body.Units, user.Scope(), http.IdempotencyKey()), ct))
                    .ToCreated(r => $"/api/v1/purchases/{r.PurchaseId}");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Resident, Roles.Admin)).RequiresIdempotencyKey()
            .WithTags("Residents").Produces<PointsPurchased>(201);

        api.MapGet("/wallet", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetWalletQuery(user.ResidentId()), ct)).ToOk())
            .RequireAuthorization(p => p.RequireRole(Roles.Resident)).WithTags("Residents").Produces<Wallet>();

        api.MapPost("/payments", async (PaymentRequestBody body, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (body.StoreNumber is { } storeNumber && string.IsNullOrEmpty(body.QrPayload)
                    ? await mediator.Send(new PayByStoreNumberCommand(user.ResidentId(), storeNumber, body.Amount ?? 0, user.Scope(), http.IdempotencyKey()), ct)
                    : await mediator.Send(new PayByQrCommand(user.ResidentId(), body.QrPayload ?? "", body.Amount, user.Scope(), http.IdempotencyKey()), ct))
                    .ToCreated(r => $"/api/v1/payments/{r.PaymentId}"))
            .RequireAuthorization(p => p.RequireRole(Roles.Resident)).RequiresIdempotencyKey()
            .WithTags("Payments").Produces<PaymentMade>(201);

        api.MapPost("/payment-codes", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new IssuePaymentCodeCommand(user.ResidentId()), ct)).ToCreated())
            .RequireAuthorization(p => p.RequireRole(Roles.Resident)).WithTags("Payments").Produces<PaymentCodeIssued>(201);
        return api;
    }
}
