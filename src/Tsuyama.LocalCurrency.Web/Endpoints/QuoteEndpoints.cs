using System.Security.Claims;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Merchants.QuoteMerchantTransfer;
using Tsuyama.LocalCurrency.Features.Payments.QuotePayment;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>Confirm screens: what a payment or a supplier payment would do, with no effect (200, or the refusal it would get).</summary>
internal static class QuoteEndpoints
{
    public sealed record PaymentQuoteRequest(Guid? MerchantId, string? StoreNumber, string? QrPayload, long? Amount);

    public sealed record TransferQuoteRequest(Guid ToMerchantId, long Amount);

    public static RouteGroupBuilder MapQuotes(this RouteGroupBuilder api)
    {
        api.MapPost("/payments/quote", async (PaymentQuoteRequest body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new QuotePaymentQuery(user.ResidentId(), body.MerchantId, body.StoreNumber, body.QrPayload, body.Amount), ct)).ToOk())
            .RequireAuthorization(p => p.RequireRole(Roles.Resident)).WithTags("Payments").ProducesProblem(404).ProducesProblem(422);

        api.MapPost("/merchant/transfers/quote", (TransferQuoteRequest body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                user.AsMerchant(async id => (await mediator.Send(new QuoteMerchantTransferQuery(id, body.ToMerchantId, body.Amount), ct)).ToOk()))
            .RequireAuthorization(p => p.RequireRole(Roles.Merchant, Roles.Clerk)).WithTags("Merchant").ProducesProblem(404).ProducesProblem(422);
        return api;
    }
}
