using System.Globalization;

namespace Tsuyama.LocalCurrency.LoadTests;

/// <summary>One run: the raw ceiling and the in-process pipeline on this disk, then the real host under HTTP load, then the checks.</summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(LoadOptions o)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var directory = Directory.CreateTempSubdirectory("tlc-load-").FullName;
        try
        {
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, "
                + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, "
                + $"load average {LoadAverage()}, files in {directory}");
            var ceiling = RawCeiling.Run(directory, TimeSpan.FromSeconds(o.CeilingSeconds), perTransaction: 1);
            var ceiling16 = RawCeiling.Run(directory, TimeSpan.FromSeconds(o.CeilingSeconds), perTransaction: 16);
            Console.WriteLine($"raw SQLite ceiling: {ceiling,8:N0} payments/s (1 per transaction), {ceiling16:N0}/s (16 per transaction)");
            if (o.InProcessSeconds > 0)
            {
                // Grouping off first, as a reference measured on the same disk in the same minute.
                foreach (var maxGroup in new[] { 1, o.MaxGroup }.Distinct())
                {
                    var (rate, perCommit) = await InProcessLoad.RunAsync(directory, o.InProcessCallers, TimeSpan.FromSeconds(o.InProcessSeconds), maxGroup);
                    Console.WriteLine($"in process:         {rate,8:N0} payments/s ({o.InProcessCallers} callers, {o.InProcessSeconds} s, "
                        + $"group commit ≤ {maxGroup}: "
                        + $"{perCommit:N1} payments per commit) = {rate / ceiling:P1} of the ceiling");
                }
            }

            await using var host = await WebHost.StartAsync(directory, o.MaxGroup, o.HostEnvironment);
            using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            var fixture = await ApiSetup.CreateAsync(http, o.Residents);
            // For a profiler to attach to (dotnet-trace collect -p, dotnet-counters monitor -p) while the load runs.
            var settings = string.Concat(o.HostEnvironment.Select(e => $", {e.Key}={e.Value}"));
            Console.WriteLine($"host:               pid {host.ProcessId} on {host.BaseAddress}{settings}");
            var idleRss = host.CurrentRss();
            var (warmUp, measured) = (TimeSpan.FromSeconds(o.WarmUp), TimeSpan.FromSeconds(o.Seconds));
            var load = o.Client == "wrk"
                ? await WrkLoad.RunAsync(directory, host.BaseAddress, fixture, o.Connections, warmUp, measured)
                : await PaymentLoad.RunAsync(host.BaseAddress, fixture, o.Connections, warmUp, measured);
            var peak = host.PeakRss();
            var errors = load.Errors.Count == 0
                ? "0"
                : $"{load.Errors.Values.Sum():N0} ({string.Join(", ", load.Errors.Select(e => $"{e.Key} × {e.Value:N0}"))})";
            Console.WriteLine($"HTTP:               {load.PaymentsPerSecond,8:N0} payments/s ({o.Connections} connections, {o.Seconds} s after "
                + $"{o.WarmUp} s warm-up; {load.MeasuredCreated:N0} × 201 of {load.Measured:N0}; client {o.Client}; group commit ≤ {o.MaxGroup}) "
                + $"= {load.PaymentsPerSecond / ceiling:P1} of the ceiling");
            Console.WriteLine($"latency:            p50 {load.P50:F1} ms, p95 {load.P95:F1} ms, p99 {load.P99:F1} ms, max {load.Max:F1} ms");
            Console.WriteLine($"errors:             {errors}; unanswered {load.Unknown:N0}");
            Console.WriteLine($"host memory:        peak RSS {peak / 1048576.0:N0} MB (VmHWM; {idleRss / 1048576.0:N0} MB before the load)");
            Console.WriteLine($"load average after: {LoadAverage()}");

            // wrk drops its last requests unanswered; let the host finish them before reading the ledger.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var problems = LedgerCheck.Problems(host.DatabasePath, fixture.MerchantId, load).ToList();
            // verify's reconciliations are slow on many payments (issue #11 notes): it gets its own, generous timeout.
            var verified = "verify skipped (--verify-timeout 0)";
            if (o.VerifyTimeout > 0)
            {
                using var verifyClient = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(o.VerifyTimeout) };
                var started = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    var verify = await ApiSetup.GetAsync(verifyClient, fixture.AdminToken, "/api/v1/ledger/verify");
                    verified = $"verify ok ({verify["transfers"]} transfers, {started.Elapsed.TotalSeconds:F0} s)";
                    if (verify["ok"]?.GetValue<bool>() != true)
                    {
                        problems.Add("verify: " + verify.ToJsonString());
                    }
                }
                catch (TaskCanceledException)
                {
                    problems.Add($"verify did not answer within {o.VerifyTimeout} s");
                }
            }

            Console.WriteLine(problems.Count == 0
                ? $"ledger check:       ok: {load.Created:N0} payments / {load.CreatedPoints:N0} points seen by the clients are in the ledger; {verified}"
                : "ledger check:       FAILED\n  " + string.Join("\n  ", problems));
            return problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (o.Keep)
            {
                Console.WriteLine($"kept {directory}");
            }
            else
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
