using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;
using Tsuyama.LocalCurrency.Features.Sales.RecordCounterSale;
using Tsuyama.LocalCurrency.Features.Sales.VerifyResident;
using Tsuyama.LocalCurrency.Features.Residents.RegisterResident;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.FaultHarness;

public sealed record CliKillReport(int Rounds, int Kills, int Reruns, IReadOnlyList<string> Problems)
{
    public override string ToString() =>
        $"CLI kill rounds {Rounds} (settle, expire, seal each), killed mid-run {Kills}, reruns {Reruns}, problems {Problems.Count}"
        + string.Concat(Problems.Select(p => Environment.NewLine + "  PROBLEM: " + p));
}

/// <summary>
/// Kills the operator CLI (a separate process) in the middle of a settlement, an expiry run in small
/// batches and a seal, then reruns it: the rerun completes, every merchant is paid once, every
/// expired lot expires once, and verify passes.
/// </summary>
public sealed class CliKills(string directory, int seed, Action<string> log, int residents = 150, int merchants = 60)
{
    private readonly Random _random = new(seed);
    private readonly List<string> _problems = [];
    private int _kills;
    private int _reruns;

    /// <summary>Payments and purchases happen 10 days ago (JST); the program expired 3 days ago.</summary>
    private static DateOnly PastDay => JapanTime.Today(TimeProvider.System).AddDays(-10);

    public async Task<CliKillReport> RunAsync(int rounds)
    {
        Directory.CreateDirectory(directory);
        var template = Path.Combine(directory, "template.db");
        var paid = await SeedAsync(template);
        log($"seeded {residents} residents, {merchants} merchants, {paid:N0} points paid");
        for (var round = 1; round <= rounds; round++)
        {
            var db = Path.Combine(directory, $"round{round}.db");
            File.Copy(template, db);
            await KillAndRerunAsync(round, db, "settle", ["settle", "--cutoff", PastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            await CheckSettlementAsync(round, db, paid);
            await KillAndRerunAsync(round, db, "expire", ["expire", "--batch-size", "5"]);
            await CheckExpiryAsync(round, db);
            await KillAndRerunAsync(round, db, "seal", ["seal"]);
            await CheckVerifyAsync(round, db, expectAllSealed: true);
            log($"round {round}: kills {_kills}, problems {_problems.Count}");
        }

        return new CliKillReport(rounds, _kills, _reruns, _problems);
    }

    private async Task KillAndRerunAsync(int round, string db, string what, string[] args)
    {
        using (var first = Start([.. args, "--db", db]))
        {
            // The CLI takes about a second to start; the work itself a few hundred milliseconds to seconds.
            await Task.Delay(_random.Next(600, 2_500));
            if (!first.HasExited)
            {
                first.Kill(entireProcessTree: true);
                _kills++;
            }

            await first.WaitForExitAsync();
        }

        _reruns++;
        using var rerun = Start([.. args, "--db", db]);
        var output = await rerun.StandardOutput.ReadToEndAsync() + await rerun.StandardError.ReadToEndAsync();
        await rerun.WaitForExitAsync();
        // A settlement that the killed run had committed is a conflict on rerun: the state check decides.
        if (rerun.ExitCode != 0 && !(what == "settle" && output.Contains("already settled", StringComparison.Ordinal)))
        {
            Problem($"round {round}: {what} rerun exited {rerun.ExitCode}: {output.Trim()}");
        }
    }

    private async Task CheckSettlementAsync(int round, string db, long paid)
    {
        await using var ledger = new LedgerFile(db);
        var (settlements, lines, merchantBalances, redeemed) = await ledger.WithDbAsync(async d => (
            await d.Settlements.CountAsync(),
            await d.SettlementLines.SumAsync(l => l.Points),
            await (from b in d.Balances join a in d.Accounts on b.AccountId equals a.Id where a.Type == AccountType.Merchant select b.Amount).SumAsync(),
            await d.Transfers.Where(t => t.Type == TransferType.Redemption).SumAsync(t => t.Amount)));
        if (settlements != 1 || lines != paid || redeemed != paid || merchantBalances != 0)
        {
            Problem(
                $"round {round}: settle: {settlements} settlements, lines {lines}, redeemed {redeemed}, merchants still hold {merchantBalances}, paid {paid}");
        }

        await CheckVerifyAsync(round, db, expectAllSealed: false, ledger);
    }

    private async Task CheckExpiryAsync(int round, string db)
    {
        await using var ledger = new LedgerFile(db);
        var today = JapanTime.Today(TimeProvider.System);
        var (left, expired, unspentAtStart) = await ledger.WithDbAsync(async d => (
            await d.Lots.Where(l => l.ExpiresOn < today).SumAsync(l => l.Remaining),
            await d.Transfers.Where(t => t.Type == TransferType.Expiry).SumAsync(t => t.Amount),
            await d.Lots.SumAsync(l => l.OriginalAmount) - await d.PaymentAllocations.SumAsync(a => a.Amount - a.Refunded)));
        if (left != 0 || expired != unspentAtStart)
        {
            Problem($"round {round}: expire: {left} points left in expired lots, {expired} expired, {unspentAtStart} were unspent");
        }

        await CheckVerifyAsync(round, db, expectAllSealed: false, ledger);
    }

    private async Task CheckVerifyAsync(int round, string db, bool expectAllSealed, LedgerFile? open = null)
    {
        var ledger = open ?? new LedgerFile(db);
        try
        {
            var report = await ledger.SendAsync(new Features.Integrity.Verify.VerifyLedgerQuery());
            foreach (var problem in report.Problems)
            {
                Problem($"round {round}: verify: {problem}");
            }

            if (expectAllSealed && report.SealedTransfers != report.Transfers)
            {
                Problem($"round {round}: seal rerun left {report.Transfers - report.SealedTransfers} transfers unsealed");
            }

            var totals = await ledger.TotalsAsync();
            if (!totals.Balanced)
            {
                Problem($"round {round}: {totals}");
            }
        }
        finally
        {
            if (open is null)
            {
                await ledger.DisposeAsync();
            }
        }
    }

    private async Task<long> SeedAsync(string path)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(PastDay.ToDateTime(new TimeOnly(12, 0)), JapanTime.Offset));
        await using (var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddLocalCurrencyCore(DatabaseOptions.Sqlite(path))
            .BuildServiceProvider())
        {
            async Task<T> Must<T>(MediatR.IRequest<Result<T>> request)
            {
                await using var scope = services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(request);
                return result.IsSuccess ? result.Value! : throw new InvalidOperationException(result.Error!.Detail);
            }

            await using (var scope = services.CreateAsyncScope())
            {
                await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
            }

            await Must(new CreateProgramCommand("KILL", "Program KILL", 10_000, new PointsPerUnit(6_000, 7_000), 1_000_000, 10,
                PastDay.AddDays(-1), PastDay, PastDay.AddDays(7), 150, true, 50));
            var shops = new List<Guid>();
            for (var i = 0; i < merchants; i++)
            {
                shops.Add((await Must(new RegisterMerchantCommand($"店{i}", "ミセ", "Shop", "5411", MerchantSize.Small, "7080000",
                    $"m{i}@kill.example", null, new PayoutDetails("0168", "101", BankAccountType.Ordinary, "1234567", "ミセ")))).MerchantId);
            }

            long paid = 0;
            for (var i = 0; i < residents; i++)
            {
                var resident = (await Must(new RegisterResidentCommand($"r{i}@kill.example", null, "住民"))).ResidentId;
                var counter = new Guid("0193a000-0000-7000-8000-00000000c0de");
                await Must(new VerifyResidentCommand(resident, "my-number-card", PastDay, counter));
                await Must(new RecordCounterSaleCommand(resident, "KILL", 1, 10_000, "cash", null, IdempotencyScopes.User(counter), $"buy-{i}"));
                var amount = 1_000 + (i * 37 % 5_000);
                await Must(new PayCommand(resident, shops[i % shops.Count], amount, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), "pay"));
                paid += amount;
            }

            SqliteConnection.ClearAllPools();
            return paid;
        }
    }

    private static Process Start(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(ProcessPaths.CliDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        return Process.Start(info)!;
    }

    private void Problem(string text) => _problems.Add(text);
}
