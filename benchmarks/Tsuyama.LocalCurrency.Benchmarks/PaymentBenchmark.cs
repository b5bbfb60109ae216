using System.Diagnostics;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.TestDatabases;

namespace Tsuyama.LocalCurrency.Benchmarks;

/// <summary>
/// In-process payments per second on the embedded default (SQLite file, WAL), through the full
/// MediatR pipeline (validation, transaction, idempotency) exactly as the API calls it.
/// </summary>
public static class PaymentBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var payments = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        var directory = Path.Combine(Path.GetTempPath(), $"tlc-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var ledger = await TestLedger.CreateAsync(DatabaseOptions.Sqlite(Path.Combine(directory, "bench.db")), TimeProvider.System);
        try
        {
            var (residents, merchants) = await SeedAsync(ledger, residentCount: 1_000, merchantCount: 20);
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
            foreach (var parallelism in new[] { 1, 4, 16 })
            {
                var (elapsed, ok) = await PayAsync(ledger, residents, merchants, payments, parallelism);
                Console.WriteLine($"payments: {payments:N0} with {parallelism,2} concurrent callers → {payments / elapsed.TotalSeconds,8:N0} payments/s " +
                    $"({ok:N0} succeeded, {elapsed.TotalSeconds:F2} s)");
            }

            return 0;
        }
        finally
        {
            await ledger.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(List<Guid> Residents, List<Guid> Merchants)> SeedAsync(TestLedger ledger, int residentCount, int merchantCount)
    {
        var today = ledger.Today;
        await ledger.CreateProgramAsync("BENCH", general: 600_000, smallBusiness: 700_000, totalUnits: 10_000_000, maxPerResident: 1_000,
            salesFrom: today.AddDays(-1), salesUntil: today.AddDays(30), expiresOn: today.AddDays(180));
        var merchants = new List<Guid>();
        for (var i = 0; i < merchantCount; i++)
        {
            merchants.Add(await ledger.RegisterMerchantAsync("5411", i % 4 == 0 ? MerchantSize.Large : MerchantSize.Small, $"m{i}@bench.example"));
        }

        var residents = new List<Guid>();
        for (var i = 0; i < residentCount; i++)
        {
            var id = await ledger.RegisterResidentAsync($"r{i}@bench.example");
            await ledger.BuyAsync(id, "BENCH", 10);
            residents.Add(id);
        }

        return (residents, merchants);
    }

    private static async Task<(TimeSpan Elapsed, int Succeeded)> PayAsync(TestLedger ledger, List<Guid> residents,
        List<Guid> merchants, int count, int parallelism)
    {
        var next = -1;
        var succeeded = 0;
        var run = Guid.NewGuid().ToString("N")[..8];
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var result = await ledger.SendAsync(ledger.Payment(residents[i % residents.Count], merchants[i % merchants.Count], 100 + (i % 50),
                    $"{run}-{i}"));
                if (result.IsSuccess)
                {
                    Interlocked.Increment(ref succeeded);
                }
            }
        })));
        return (stopwatch.Elapsed, succeeded);
    }
}
