using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using MediatR;
using Tsuyama.LocalCurrency.Features.History;
using Tsuyama.LocalCurrency.Features.History.GetResidentHistory;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Site;

/// <summary>
/// Server-sent events for the resident's pages (cookie sign-in; EventSource cannot send a bearer
/// token): <c>code-charged</c> when a payment appears in the resident's history after the page
/// opened, which is how マイコード turns into the completion screen without reloading.
/// </summary>
internal static class ResidentEvents
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(750);
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public sealed record CodeCharged(long Amount, string? StoreName, Guid EntryId);

    public static void MapResidentEvents(this WebApplication app) =>
        app.MapGet("/wallet/events", (HttpContext http, IMediator mediator, CancellationToken ct) =>
                TypedResults.ServerSentEvents(WatchAsync(mediator, http.User.ResidentId(), ct)))
            .RequireAuthorization(SiteServices.ResidentPolicy)
            .ExcludeFromDescription();

    private static async IAsyncEnumerable<SseItem<CodeCharged>> WatchAsync(IMediator mediator, Guid resident, [EnumeratorCancellation] CancellationToken ct)
    {
        var latest = await LatestAsync(mediator, resident, ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(Lifetime);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Poll, stop.Token);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            var now = await LatestAsync(mediator, resident, stop.Token);
            if (now is { Kind: HistoryKind.Payment } entry && entry.Id != latest?.Id)
            {
                yield return new SseItem<CodeCharged>(new CodeCharged(-entry.Points, entry.StoreName, entry.Id), "code-charged");
                yield break;
            }

            latest = now;
        }
    }

    private static async Task<HistoryEntry?> LatestAsync(IMediator mediator, Guid resident, CancellationToken ct)
    {
        var page = await mediator.Send(new GetResidentHistoryQuery(resident, 1, 1), ct);
        return page.IsSuccess ? page.Value.Items.FirstOrDefault() : null;
    }
}
