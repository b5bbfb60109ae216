using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.TestDatabases;
using Tsuyama.LocalCurrency.Tests.Support;
using Xunit.Abstractions;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

/// <summary>
/// Two cores over one database, each with its own service provider and so its own write gate, as two web hosts run.
/// The 40-way tests on one host never reach the guarded lot and balance updates on SQLite, because the gate queues
/// the payments; here nothing in the process holds the second host back. On PostgreSQL the payments race to the
/// guards; on SQLite the IMMEDIATE transaction (the database's one write lock) is what serialises the two hosts.
/// </summary>
public sealed class TwoHostsConcurrencyTests(ITestOutputHelper output)
{
    private const int Payments = 40;
    private const long Amount = 1_000;

    /// <summary>What one unit of P1 buys: 6,000 general + 7,000 smallBusiness points.</summary>
    private const long Bought = 13_000;

    [ProviderTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pay_FortyPaymentsFromOneWalletThroughTwoHosts_NeverOverspendAndEveryFailureIsACleanRefusal(DatabaseProvider provider)
    {
        var guards = new GuardCounter();
        void Count(IServiceCollection s) => s.ConfigureDbContext<LedgerDbContext>(o => o.AddInterceptors(guards));
        await using var first = await LedgerTestHost.CreateAsync(Count, provider);
        await using var second = TestLedger.Open(first.Database, first.Clock, Count);
        var hosts = new TestLedger[] { first, second };
        await first.CreateProgramAsync();
        var resident = await first.RegisterResidentAsync();
        var shops = new[] { await first.RegisterMerchantAsync(), await second.RegisterMerchantAsync() };
        await first.BuyAsync(resident);

        using var start = new ManualResetEventSlim();
        var sends = Enumerable.Range(0, Payments).Select(i => Task.Run(() =>
        {
            start.Wait();
            return SendAsync(hosts[i % 2], first.Payment(resident, shops[i / 2 % 2], Amount, $"race-{i}"));
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(sends);

        // Busy means the payment lost the race three times and wrote nothing: the client sends it again, key and all.
        var settled = await Task.WhenAll(answers.Select((answer, i) => RetryWhileBusyAsync(answer, hosts[(i + 1) % 2],
            first.Payment(resident, shops[i / 2 % 2], Amount, $"race-{i}"))));
        var lots = await first.WithDbAsync(db => db.Lots.Where(l => l.ResidentId == resident).Select(l => l.Remaining).ToListAsync());
        var balances = await first.WithDbAsync(db => db.Balances.Where(b => b.AccountId == resident).Select(b => b.Amount).ToListAsync());
        var report = await first.MustAsync(new VerifyLedgerQuery());
        output.WriteLine($"{provider}: first answers {Describe(answers)}; after retries {Describe(settled)}; " +
            $"guarded updates that matched no row: {guards.Lots} lot, {guards.Balances} balance");

        answers.Should().OnlyContain(a => a.Thrown == null, "a lost race is a refusal, never an exception (a 500 at the API)");
        answers.Where(a => !a.Result!.IsSuccess).Should().OnlyContain(a =>
            a.Result!.Error!.Type == ProblemTypes.InsufficientBalance || a.Result.Error.Type == ProblemTypes.Busy);
        settled.Should().OnlyContain(a => a.Thrown == null);
        settled.Count(a => a.Result!.IsSuccess).Should().Be((int)(Bought / Amount), "the wallet affords 13 payments of 1,000");
        settled.Where(a => !a.Result!.IsSuccess).Should().OnlyContain(a => a.Result!.Error!.Type == ProblemTypes.InsufficientBalance);
        lots.Should().OnlyContain(r => r >= 0);
        balances.Should().OnlyContain(b => b >= 0);
        (await first.BalanceAsync(resident)).Should().Be(0);
        (await first.BalanceAsync(shops[0]) + await first.BalanceAsync(shops[1])).Should().Be(Bought);
        (await first.WithDbAsync(db => db.Payments.CountAsync())).Should().Be((int)(Bought / Amount));
        report.Ok.Should().BeTrue(because: string.Join("; ", report.Problems));
        if (provider == DatabaseProvider.PostgreSql)
        {
            // What makes this test worth having: payments planned on a lot another one emptied meanwhile were stopped
            // by the guard (and retried), not by the CHECK constraint behind it, which would have been a 500.
            guards.Lots.Should().BePositive("40 payments racing for two lots read them before the winners' updates");
        }
    }

    private sealed record Answer(Result<PaymentMade>? Result, Exception? Thrown);

    private static async Task<Answer> SendAsync(TestLedger host, PayCommand command)
    {
        try
        {
            return new Answer(await host.SendAsync(command), null);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
        {
            // Kept to fail the test with, after the other payments have finished.
            return new Answer(null, ex);
        }
    }

    private static async Task<Answer> RetryWhileBusyAsync(Answer answer, TestLedger host, PayCommand command)
    {
        for (var attempt = 0; attempt < 10 && answer.Result is { IsSuccess: false } r && r.Error.Type == ProblemTypes.Busy; attempt++)
        {
            answer = await SendAsync(host, command);
        }

        return answer;
    }

    private static string Describe(IEnumerable<Answer> answers) => string.Join(", ", answers
        .GroupBy(a => a.Thrown?.GetType().Name ?? (a.Result!.IsSuccess ? "paid" : a.Result.Error!.Type))
        .Select(g => $"{g.Count()} {g.Key}"));

    /// <summary>Counts the guarded updates that matched no row: a lot or a balance that changed after it was read.</summary>
    private sealed class GuardCounter : DbCommandInterceptor
    {
        private int _lots;
        private int _balances;

        public int Lots => Volatile.Read(ref _lots);
        public int Balances => Volatile.Read(ref _balances);

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            if (result == 0 && command.CommandText.StartsWith("UPDATE \"Lots\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _lots);
            }
            else if (result == 0 && command.CommandText.StartsWith("UPDATE \"Balances\"", StringComparison.Ordinal)
                && command.CommandText.Contains(">= 0", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _balances);
            }

            return ValueTask.FromResult(result);
        }
    }
}
