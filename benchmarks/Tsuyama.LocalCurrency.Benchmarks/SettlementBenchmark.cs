using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.TestDatabases;

namespace Tsuyama.LocalCurrency.Benchmarks;

/// <summary>
/// Settlement and verify at city scale: 2,000 merchants and 2,000 residents created through the real
/// commands, then 1,000,000 payments seeded straight into SQLite (see <see cref="PaymentSeeder"/>),
/// then the settlement of yesterday and a full verify, each timed. Goal: ≤ 10 s each.
/// Arguments: [merchants] [payments] [database path].
/// </summary>
public static class SettlementBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var merchants = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var payments = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var path = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"tlc-settlement-bench-{Guid.NewGuid():N}.db");
        var clock = new SettableClock(DateTimeOffset.UtcNow.AddDays(-31));
        var watch = Stopwatch.StartNew();
        await using var ledger = await TestLedger.CreateAsync(DatabaseOptions.Sqlite(path), clock);
        try
        {
            var today = ledger.Today;
            var program = await ledger.CreateProgramAsync("BENCH", totalUnits: 1_000_000, maxPerResident: 100, salesFrom: today,
                salesUntil: today.AddDays(60), expiresOn: today.AddDays(240));
            var residentIds = new List<Guid>(merchants);
            var merchantIds = new List<Guid>(merchants);
            for (var i = 0; i < merchants; i++)
            {
                residentIds.Add(await ledger.RegisterResidentAsync($"bench-r{i}@example.jp", $"住民{i}"));
                merchantIds.Add(await ledger.RegisterMerchantAsync("5411", email: $"bench-m{i}@example.jp", name: $"店舗{i}", kana: "テンポ"));
            }

            Console.WriteLine(Invariant($"created {merchants:N0} merchants and residents through the commands in {watch.Elapsed.TotalSeconds:F1} s"));
            watch.Restart();
            SqliteConnection.ClearAllPools();
            var seeded = await PaymentSeeder.SeedAsync(path, program.ProgramId, residentIds, merchantIds, payments, today.AddDays(240), clock.GetUtcNow());
            Console.WriteLine(Invariant($"seeded {payments:N0} payments ({seeded.Transfers:N0} transfers) directly in {watch.Elapsed.TotalSeconds:F1} s"));

            clock.Now = DateTimeOffset.UtcNow;
            var cutoff = JapanTime.Today(clock).AddDays(-1);
            watch.Restart();
            var done = await ledger.MustAsync(new RunSettlementCommand(cutoff, "bench", null));
            var settleSeconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine(Invariant($"settlement: {done.MerchantCount:N0} merchants, {done.Points:N0} points, ") +
                Invariant($"fee ¥{done.FeeYen:N0}, payout ¥{done.PayoutYen:N0} in {settleSeconds:F2} s"));

            watch.Restart();
            var report = await ledger.MustAsync(new VerifyLedgerQuery());
            var verifySeconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine(Invariant($"verify: ok={report.Ok}, {report.Transfers:N0} transfers, {report.Lots:N0} lots in {verifySeconds:F2} s"));
            foreach (var problem in report.Problems.Take(10))
            {
                Console.WriteLine("  " + problem);
            }

            var ok = report.Ok && done.Points == seeded.Points && settleSeconds <= 10 && verifySeconds <= 10;
            Console.WriteLine(ok ? "PASS: both within 10 s, ledger verified" : "FAIL: see figures above");
            return ok ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (args.Length <= 2)
            {
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(file);
                }
            }
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed class SettableClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
