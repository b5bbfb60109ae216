using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Tsuyama.LocalCurrency.LoadTests;

/// <summary>
/// The same closed-loop load from wrk (a C load generator, far cheaper per request than HttpClient on the same cores),
/// with a Lua script giving every request a fresh Idempotency-Key and rotating the residents' tokens.
/// wrk drops what is in flight when its time is up: those requests count as unanswered for the ledger check.
/// </summary>
internal static class WrkLoad
{
    public const string Wrk = "/usr/bin/wrk";

    public static async Task<LoadResult> RunAsync(string directory, Uri baseAddress, LoadFixture fixture, int connections, TimeSpan warmUp, TimeSpan measured)
    {
        var script = Path.Combine(directory, "payments.lua");
        await File.WriteAllTextAsync(script, Script(fixture));
        var threads = Math.Min(connections, Environment.ProcessorCount);
        var run = Guid.NewGuid().ToString("N")[..8];
        var first = warmUp > TimeSpan.Zero ? await RunOnceAsync(script, baseAddress, threads, connections, warmUp, $"{run}w") : null;
        var main = await RunOnceAsync(script, baseAddress, threads, connections, measured, $"{run}m");
        var errors = new Dictionary<string, long>();
        foreach (var (name, count) in (first?.Errors ?? []).Concat(main.Errors).Where(e => e.Value > 0))
        {
            errors[name] = errors.GetValueOrDefault(name) + count;
        }

        return new LoadResult(measured.TotalSeconds, main.Requests, main.Requests - main.Errors["non-2xx"], main.P50, main.P95, main.P99, main.Max,
            (first?.Ok ?? 0) + main.Ok, errors, (first?.Unknown ?? 0) + main.Unknown);
    }

    private sealed record WrkRun(long Requests, long Ok, Dictionary<string, long> Errors, long Unknown, double P50, double P95, double P99, double Max);

    private static async Task<WrkRun> RunOnceAsync(string script, Uri baseAddress, int threads, int connections, TimeSpan duration, string prefix)
    {
        var info = new ProcessStartInfo(Wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{(int)duration.TotalSeconds}s", "--timeout", "30s", "-s", script,
                     baseAddress.ToString().TrimEnd('/') + "/api/v1/payments", "--", prefix })
        {
            info.ArgumentList.Add(arg);
        }

        using var wrk = Process.Start(info) ?? throw new InvalidOperationException($"{Wrk} did not start.");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        var error = await wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk exited with {wrk.ExitCode} and no RESULT line:\n{output}\n{error}");
        var v = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        // requests, non-2xx, connect, read, write, timeout, p50, p95, p99, max (µs)
        var errors = new Dictionary<string, long> { ["non-2xx"] = v[1], ["connect"] = v[2], ["read"] = v[3], ["write"] = v[4], ["timeout"] = v[5] };
        // Besides broken requests, up to one request per connection was in flight when wrk stopped.
        var unknown = v[3] + v[4] + v[5] + connections;
        return new WrkRun(v[0], v[0] - v[1], errors, unknown, v[6] / 1000.0, v[7] / 1000.0, v[8] / 1000.0, v[9] / 1000.0);
    }

    private static string Script(LoadFixture fixture)
    {
        var lua = new StringBuilder();
        lua.AppendLine("local tokens = {");
        foreach (var token in fixture.ResidentTokens)
        {
            lua.Append("  \"").Append(token).AppendLine("\",");
        }

        lua.AppendLine("}");
        lua.Append("local body = '").Append($$"""{"qrPayload":"{{fixture.StoreQr}}","amount":{{PaymentLoad.Amount}}}""").AppendLine("'");
        lua.AppendLine("""
            local threads = 0
            function setup(thread)
              threads = threads + 1
              thread:set("tid", threads)
            end
            local counter = 0
            local prefix = ""
            function init(args)
              prefix = args[1] .. "-" .. tid .. "-"
            end
            function request()
              counter = counter + 1
              return wrk.format("POST", nil, {
                ["Content-Type"] = "application/json",
                ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1],
                ["Idempotency-Key"] = prefix .. counter,
              }, body)
            end
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d %d\n", summary.requests, e.status, e.connect, e.read, e.write, e.timeout,
                latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
            end
            """);
        return lua.ToString();
    }
}
