using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Tsuyama.LocalCurrency.LoadTests;

/// <summary>
/// What the clients saw: only requests started inside the measured window count for the rate and latencies; every
/// answer counts for the ledger check.
/// </summary>
/// <param name="Unknown">Requests sent but never answered (in flight at the stop, or a broken connection): each may or may not have committed.</param>
internal sealed record LoadResult(
    double Seconds, long Measured, long MeasuredCreated, double P50, double P95, double P99, double Max, long Created,
    Dictionary<string, long> Errors, long Unknown)
{
    public double PaymentsPerSecond => MeasuredCreated / Seconds;

    public long CreatedPoints => Created * PaymentLoad.Amount;

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>
/// A closed-loop load generator: one task per connection, each sending its next payment as soon as the last one
/// was answered, with a fresh Idempotency-Key every time. Each connection is one resident paying the store QR.
/// </summary>
internal static class PaymentLoad
{
    public const long Amount = 100;

    public static async Task<LoadResult> RunAsync(Uri baseAddress, LoadFixture fixture, int connections, TimeSpan warmUp, TimeSpan measured)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var body = Encoding.UTF8.GetBytes($$"""{"qrPayload":"{{fixture.StoreQr}}","amount":{{Amount}}}""");
        var run = Guid.NewGuid().ToString("N")[..8];
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections)
            .Select(c => Task.Run(() => WorkAsync(http, fixture, body, $"{run}-{c}", c, windowStart, windowEnd))).ToArray();
        var results = await Task.WhenAll(workers);

        var latencies = results.SelectMany(r => r.Latencies).Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        var errors = new Dictionary<string, long>();
        foreach (var (status, count) in results.SelectMany(r => r.Errors))
        {
            errors[status] = errors.GetValueOrDefault(status) + count;
        }

        return new LoadResult(measured.TotalSeconds, latencies.Length, results.Sum(r => r.MeasuredCreated),
            LoadResult.Percentile(latencies, 50), LoadResult.Percentile(latencies, 95), LoadResult.Percentile(latencies, 99),
            LoadResult.Percentile(latencies, 100),
            results.Sum(r => r.Created), errors, results.Sum(r => r.Unknown));
    }

    private sealed class Worker
    {
        public List<long> Latencies { get; } = new(64 * 1024);
        public Dictionary<string, long> Errors { get; } = [];
        public long Created { get; set; }
        public long MeasuredCreated { get; set; }
        public long Unknown { get; set; }
    }

    private static async Task<Worker> WorkAsync(HttpClient http, LoadFixture fixture, byte[] body, string keyPrefix, int connection,
        long windowStart, long windowEnd)
    {
        var worker = new Worker();
        var token = new AuthenticationHeaderValue("Bearer", fixture.ResidentTokens[connection % fixture.ResidentTokens.Count]);
        var contentType = new MediaTypeHeaderValue("application/json");
        for (var i = 0; ; i++)
        {
            var started = Stopwatch.GetTimestamp();
            if (started >= windowEnd)
            {
                return worker;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = contentType;
            request.Headers.Authorization = token;
            request.Headers.TryAddWithoutValidation("Idempotency-Key", $"{keyPrefix}-{i}");
            string? error;
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                error = response.StatusCode == HttpStatusCode.Created
                    ? null
                    : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Sent but never answered: the payment may or may not have committed (the ledger check allows for it).
                worker.Unknown++;
                error = ex.GetType().Name;
            }

            var elapsed = Stopwatch.GetTimestamp() - started;
            var inWindow = started >= windowStart;
            if (error is null)
            {
                worker.Created++;
            }
            else
            {
                worker.Errors[error] = worker.Errors.GetValueOrDefault(error) + 1;
            }

            if (inWindow)
            {
                worker.Latencies.Add(elapsed);
                if (error is null)
                {
                    worker.MeasuredCreated++;
                }
            }
        }
    }
}
