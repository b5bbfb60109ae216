using System.Security.Claims;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.PaymentRequests.GetPaymentRequestStatus;
using Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopDay;
using Tsuyama.LocalCurrency.Live;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>
/// Server-sent event streams for the till and the phone (the pages connect with their cookie, API
/// clients with the bearer token). Per host: see docs/decisions on live events.
/// </summary>
internal static class LiveEndpoints
{
    /// <summary>What a shop's receive screen shows per payment: the payment and today's totals after it.</summary>
    public sealed record ShopPaymentLive(Guid PaymentId, long Amount, DateTime At, string DisplayNumber, PaymentChannel Channel, int TodayCount, long TodayAmount, long TodayNet);

    public static RouteGroupBuilder MapLive(this RouteGroupBuilder api)
    {
        api.MapGet("/merchant/events", (ClaimsPrincipal user, HttpContext http, LiveEventHub hub, IMediator mediator) =>
                ShopEndpoints.AsMerchant(user, async merchantId =>
                {
                    using var subscription = hub.Subscribe(LiveTopics.Merchant(merchantId));
                    await EventStream.WriteAsync(http, subscription, [], async e =>
                    {
                        if (e.Data is not PaymentReceived p)
                        {
                            return e;
                        }

                        var today = await mediator.Send(new GetShopDayQuery(merchantId, JapanTime.DateOf(new DateTimeOffset(p.At, TimeSpan.Zero))), http.RequestAborted);
                        var totals = today.Value!.Totals;
                        return new LiveEvent(e.Type, new ShopPaymentLive(p.PaymentId, p.Amount, p.At, p.DisplayNumber, p.Channel, totals.Count, totals.Amount, totals.Net));
                    });
                    return Results.Empty;
                }))
            .RequireAuthorization(p => p.RequireRole(Roles.Merchant, Roles.Clerk)).WithTags("Live").Produces(200, contentType: "text/event-stream");

        api.MapGet("/events", async (ClaimsPrincipal user, HttpContext http, LiveEventHub hub) =>
            {
                using var subscription = hub.Subscribe(LiveTopics.Resident(user.ResidentId()));
                await EventStream.WriteAsync(http, subscription, []);
                return Results.Empty;
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Resident)).WithTags("Live").Produces(200, contentType: "text/event-stream");

        api.MapGet("/merchant/payment-requests/{requestId:guid}/events", (Guid requestId, ClaimsPrincipal user, HttpContext http, LiveEventHub hub, IMediator mediator) =>
                ShopEndpoints.AsMerchant(user, async merchantId =>
                {
                    // Subscribe before reading the status, so a payment in between is not missed.
                    using var subscription = hub.Subscribe(LiveTopics.PaymentRequest(requestId));
                    var status = await mediator.Send(new GetPaymentRequestStatusQuery(merchantId, requestId), http.RequestAborted);
                    if (!status.IsSuccess)
                    {
                        return Problems.From(status.Error);
                    }

                    await EventStream.WriteAsync(http, subscription, [new LiveEvent("status", status.Value)],
                        isLast: e => e.Data is PaymentRequestPaid || e.Data is PaymentRequestState { Status: not PaymentRequestStatus.Pending });
                    return Results.Empty;
                }))
            .RequireAuthorization(p => p.RequireRole(Roles.Merchant, Roles.Clerk)).WithTags("Live").Produces(200, contentType: "text/event-stream");
        return api;
    }
}
