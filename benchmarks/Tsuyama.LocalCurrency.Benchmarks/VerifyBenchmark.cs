using System.Diagnostics;
using System.Globalization;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Benchmarks;

/// <summary>
/// Verify alone, on a database an earlier <c>settlement [merchants] [payments] [path]</c> run kept: seeding a million
/// payments takes a minute or more, so comparing verify before and after a change should not repeat it.
/// Arguments: path [runs]. Prints each run's wall-clock and CPU time; the file is not changed (verify only reads).
/// </summary>
public static class VerifyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: verify <database path kept by a settlement run> [runs]");
            return 2;
        }

        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        await using var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddLocalCurrencyCore(DatabaseOptions.Sqlite(args[0]))
            .BuildServiceProvider();
        var ok = true;
        for (var run = 1; run <= runs; run++)
        {
            await using var scope = services.CreateAsyncScope();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new VerifyLedgerQuery());
            var seconds = watch.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            if (!result.IsSuccess)
            {
                Console.Error.WriteLine($"verify failed: {result.Error.Detail}");
                return 1;
            }

            var report = result.Value;
            var machine = string.Create(CultureInfo.InvariantCulture, $"{cpuSeconds:F2} s of CPU, load average {Load()}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"verify run {run}: ok={report.Ok}, {report.Transfers:N0} transfers, {report.Lots:N0} lots in {seconds:F2} s ({machine})"));
            foreach (var problem in report.Problems.Take(10))
            {
                Console.WriteLine("  " + problem);
            }

            ok &= report.Ok;
        }

        return ok ? 0 : 1;
    }

    // Wall-clock time on the shared machine swings with the other work on it; CPU time and the load average say how much.
    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
