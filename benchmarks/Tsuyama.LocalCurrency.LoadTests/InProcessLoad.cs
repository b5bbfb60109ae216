using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.TestDatabases;

namespace Tsuyama.LocalCurrency.LoadTests;

/// <summary>
/// The same payments through the full MediatR pipeline (validation, transaction, idempotency) in this process, one
/// scope per payment as the web host makes one per request: what the design costs without HTTP, on the same disk.
/// </summary>
internal static class InProcessLoad
{
    /// <returns>Payments per second, and payments per committed transaction.</returns>
    public static async Task<(double Rate, double PerCommit)> RunAsync(string directory, int callers, TimeSpan duration, int maxGroup)
    {
        await using var ledger = await TestLedger.CreateAsync(DatabaseOptions.Sqlite(Path.Combine(directory, $"in-process-{maxGroup}.db")),
            TimeProvider.System, s => s.Configure<LedgerOptions>(o => o.MaxGroupCommit = maxGroup));
        var today = ledger.Today;
        await ledger.CreateProgramAsync("LOAD", general: 600_000, smallBusiness: 700_000, totalUnits: 10_000_000, maxPerResident: 1_000,
            salesFrom: today.AddDays(-1), salesUntil: today.AddDays(30), expiresOn: today.AddDays(180));
        var merchant = await ledger.RegisterMerchantAsync("5411", email: "m@load.example", name: "店", kana: "ミセ");
        var residents = new List<Guid>();
        for (var i = 0; i < 64; i++)
        {
            var id = await ledger.RegisterResidentAsync($"r{i}@load.example");
            await ledger.BuyAsync(id, "LOAD", 100);
            residents.Add(id);
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        var gate = ledger.Services.GetRequiredService<WriteGate>();
        var groupsBefore = gate.GroupsCommitted;
        long succeeded = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var resident = residents[c % residents.Count];
            for (var i = 0; stopwatch.Elapsed < duration; i++)
            {
                var result = await ledger.SendAsync(ledger.Payment(resident, merchant, PaymentLoad.Amount, $"{run}-{c}-{i}"));
                if (result.IsSuccess)
                {
                    Interlocked.Increment(ref succeeded);
                }
            }
        })));
        var rate = succeeded / stopwatch.Elapsed.TotalSeconds;
        var perCommit = succeeded / (double)Math.Max(1, gate.GroupsCommitted - groupsBefore);
        SqliteConnection.ClearAllPools();
        return (rate, perCommit);
    }
}
