using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.PaymentRequests.GetPaymentRequestStatus;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Features.ShopTransactions;
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
    /// <summary>Bound from <c>Live</c>: <c>Live:PollInterval</c> (e.g. 00:00:02) turns on the database poll fallback for several hosts.</summary>
    public sealed class LiveStreamOptions
    {
        public TimeSpan PollInterval { get; set; }
    }

    /// <summary>What a shop's receive screen shows per payment: the payment and today's totals after it.</summary>
    public sealed record ShopPaymentLive(Guid PaymentId, long Amount, DateTime At, string DisplayNumber, PaymentChannel Channel, int TodayCount,
        long TodayAmount, long TodayNet);

    public static RouteGroupBuilder MapLive(this RouteGroupBuilder api)
    {
        api.MapGet("/merchant/events", (ClaimsPrincipal user, HttpContext http, LiveEventHub hub, IMediator mediator,
            IOptions<LiveStreamOptions> options, TimeProvider clock) =>
                user.AsMerchant(async Task<Results<EmptyHttpResult, ApiProblem>> (merchantId) =>
                {
                    using var subscription = hub.Subscribe(LiveTopics.Merchant(merchantId));
                    var since = clock.GetUtcNow().UtcDateTime;
                    var poll = options.Value.PollInterval <= TimeSpan.Zero ? null : new EventStream.Poll(options.Value.PollInterval, async ct =>
                    {
                        // The day view is the shop's own read; a family shop's day is a few hundred rows.
                        var found = new List<LiveEvent>();
                        for (var day = JapanTime.DateOf(new DateTimeOffset(since, TimeSpan.Zero)); day <= JapanTime.Today(clock); day = day.AddDays(1))
                        {
                            var items = (await mediator.Send(new GetShopDayQuery(merchantId, day), ct)).Value!.Items;
                            found.AddRange(items.Where(i => i.Kind == ShopTransactionKind.Payment && i.At >= since).Reverse()
                                .Select(i => new LiveEvent(PaymentReceived.Type, new PaymentReceived(i.PaymentId, i.Amount, i.At, i.DisplayNumber,
                                    i.Channel))));
                        }

                        return found;
                    }, e => e.Data is PaymentReceived p ? p.PaymentId.ToString() : null);
                    await EventStream.WriteAsync(http, subscription, [], poll: poll, enrich: async e =>
                    {
                        if (e.Data is not PaymentReceived p)
                        {
                            return e;
                        }

                        var today = await mediator.Send(new GetShopDayQuery(merchantId, JapanTime.DateOf(new DateTimeOffset(p.At, TimeSpan.Zero))),
                            http.RequestAborted);
                        var totals = today.Value!.Totals;
                        return new LiveEvent(e.Type, new ShopPaymentLive(p.PaymentId, p.Amount, p.At, p.DisplayNumber, p.Channel, totals.Count,
                            totals.Amount, totals.Net));
                    });
                    return TypedResults.Empty;
                }))
            .RequireAuthorization(p => p.RequireRole(Roles.Merchant, Roles.Clerk)).WithTags("Live").Produces(200, contentType: "text/event-stream");

        api.MapGet("/events", async (ClaimsPrincipal user, HttpContext http, LiveEventHub hub) =>
            {
                using var subscription = hub.Subscribe(LiveTopics.Resident(user.ResidentId()));
                await EventStream.WriteAsync(http, subscription, []);
                return TypedResults.Empty;
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Resident)).WithTags("Live").Produces(200, contentType: "text/event-stream");

        api.MapGet("/merchant/payment-requests/{requestId:guid}/events", (Guid requestId, ClaimsPrincipal user, HttpContext http, LiveEventHub hub,
            IMediator mediator,
                IOptions<LiveStreamOptions> options, TimeProvider clock) =>
                user.AsMerchant(async Task<Results<EmptyHttpResult, ApiProblem>> (merchantId) =>
                {
                    // Subscribe before reading the status, so a payment in between is not missed.
                    using var subscription = hub.Subscribe(LiveTopics.PaymentRequest(requestId));
                    var status = await mediator.Send(new GetPaymentRequestStatusQuery(merchantId, requestId), http.RequestAborted);
                    if (!status.IsSuccess)
                    {
                        return Problems.From(status.Error);
                    }

                    var poll = options.Value.PollInterval <= TimeSpan.Zero ? null : new EventStream.Poll(options.Value.PollInterval, async ct =>
                    {
                        var state = (await mediator.Send(new GetPaymentRequestStatusQuery(merchantId, requestId), ct)).Value!;
                        IReadOnlyList<LiveEvent> changed = state.Status switch
                        {
                            PaymentRequestStatus.Paid => [new LiveEvent(PaymentRequestPaid.Type,
                                new PaymentRequestPaid(requestId, state.PaymentId!.Value, state.Amount, clock.GetUtcNow().UtcDateTime, state.DisplayNumber!))],
                            PaymentRequestStatus.Expired => [new LiveEvent("status", state)],
                            _ => [],
                        };
                        return changed;
                    }, e => e.Data is PaymentRequestPaid p ? p.PaymentId.ToString() : null);
                    await EventStream.WriteAsync(http, subscription, [new LiveEvent("status", status.Value)], poll: poll,
                        isLast: e => e.Data is PaymentRequestPaid || e.Data is PaymentRequestState { Status: not PaymentRequestStatus.Pending });
                    return TypedResults.Empty;
                }))
            .RequireAuthorization(p => p.RequireRole(Roles.Merchant, Roles.Clerk)).WithTags("Live").Produces(200, contentType: "text/event-stream");
        return api;
    }
}
