using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Live;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>
/// Writes a live subscription as server-sent events (text/event-stream) until the client goes
/// away: one <c>event:</c>/<c>data:</c> pair per event, JSON as in the rest of the API, and a
/// comment line every 15 s so proxies and phones keep the connection open.
/// </summary>
internal static class EventStream
{
    /// <summary>
    /// With several hosts the hub hears only this host's payments: <see cref="Read"/> is asked every
    /// <see cref="Interval"/> for what the database holds, and <see cref="Key"/> drops what was sent already.
    /// </summary>
    public sealed record Poll(TimeSpan Interval, Func<CancellationToken, Task<IReadOnlyList<LiveEvent>>> Read, Func<LiveEvent, string?> Key);

    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <param name="first">Events to send before any live one (e.g. the current status).</param>
    /// <param name="enrich">Turns a hub event into what this stream sends (e.g. adds today's totals).</param>
    /// <param name="isLast">Ends the stream after this event (a paid request will not change again).</param>
    /// <param name="poll">The database poll fallback (docs/decisions/0008), when configured.</param>
    public static async Task WriteAsync(HttpContext http, LiveSubscription subscription, IEnumerable<LiveEvent> first,
        Func<LiveEvent, Task<LiveEvent>>? enrich = null, Func<LiveEvent, bool>? isLast = null, Poll? poll = null)
    {
        var sentKeys = new HashSet<string>(StringComparer.Ordinal);
        var nextPoll = DateTime.UtcNow + (poll?.Interval ?? TimeSpan.Zero);
        var nextBeat = DateTime.UtcNow + Heartbeat;
        bool Fresh(LiveEvent e) => poll?.Key(e) is not { } key || sentKeys.Add(key);

        var ct = http.RequestAborted;
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync(": connected\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
        try
        {
            foreach (var e in first)
            {
                await SendAsync(http, e, json, ct);
                if (isLast?.Invoke(e) == true)
                {
                    return;
                }
            }

            while (!ct.IsCancellationRequested)
            {
                var wake = poll is null ? nextBeat : (nextPoll < nextBeat ? nextPoll : nextBeat);
                using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timer.CancelAfter(wake - DateTime.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
                var incoming = new List<LiveEvent>();
                try
                {
                    if (!await subscription.Reader.WaitToReadAsync(timer.Token))
                    {
                        return;
                    }

                    while (subscription.Reader.TryRead(out var e))
                    {
                        incoming.Add(e);
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    if (poll is not null && DateTime.UtcNow >= nextPoll)
                    {
                        incoming.AddRange(await poll.Read(ct));
                        nextPoll = DateTime.UtcNow + poll.Interval;
                    }

                    if (DateTime.UtcNow >= nextBeat)
                    {
                        await http.Response.WriteAsync(": keep-alive\n\n", ct);
                        await http.Response.Body.FlushAsync(ct);
                        nextBeat = DateTime.UtcNow + Heartbeat;
                    }
                }

                foreach (var e in incoming.Where(Fresh))
                {
                    var sent = enrich is null ? e : await enrich(e);
                    await SendAsync(http, sent, json, ct);
                    if (isLast?.Invoke(sent) == true)
                    {
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page closed or navigated away: nothing to report.
        }
    }

    private static async Task SendAsync(HttpContext http, LiveEvent e, JsonSerializerOptions json, CancellationToken ct)
    {
        var data = JsonSerializer.Serialize(e.Data, e.Data.GetType(), json);
        await http.Response.WriteAsync($"event: {e.Type}\ndata: {data}\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
    }
}
