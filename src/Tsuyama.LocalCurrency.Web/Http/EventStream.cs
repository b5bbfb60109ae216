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
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <param name="first">Events to send before any live one (e.g. the current status).</param>
    /// <param name="enrich">Turns a hub event into what this stream sends (e.g. adds today's totals).</param>
    /// <param name="isLast">Ends the stream after this event (a paid request will not change again).</param>
    public static async Task WriteAsync(HttpContext http, LiveSubscription subscription, IEnumerable<LiveEvent> first,
        Func<LiveEvent, Task<LiveEvent>>? enrich = null, Func<LiveEvent, bool>? isLast = null)
    {
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
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(ct);
                beat.CancelAfter(Heartbeat);
                bool ready;
                try
                {
                    ready = await subscription.Reader.WaitToReadAsync(beat.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    continue;
                }

                if (!ready)
                {
                    return;
                }

                while (subscription.Reader.TryRead(out var e))
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
