using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Integrity.Seal;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.TestDatabases;
using Tsuyama.LocalCurrency.Tests.Support;
using static Tsuyama.LocalCurrency.Tests.Settlements.SettlementTestData;

namespace Tsuyama.LocalCurrency.Tests.Providers;

/// <summary>
/// The ledger's rules on every provider that is available: SQLite always, PostgreSQL when
/// TSUYAMA_TEST_POSTGRES names a server (otherwise those cases report skipped).
/// </summary>
public sealed class ProviderLedgerTests
{
    private static PayCommand Pay(Guid resident, Guid shop, long amount, string key) =>
        new(resident, shop, amount, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), key);

    [ProviderTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_CreatesTheWholeModelWithNothingPending(DatabaseProvider provider)
    {
        await using var host = await LedgerTestHost.CreateAsync(provider: provider);

        (await host.WithDbAsync(db => db.Database.GetPendingMigrationsAsync())).Should().BeEmpty();
        (await host.WithDbAsync(db => Task.FromResult(db.Database.ProviderName)))
            .Should().EndWith(provider == DatabaseProvider.Sqlite ? "Sqlite" : "PostgreSQL");
    }

    [ProviderTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pay_WhenBalanceTooLow_ReturnsInsufficientBalanceAndMovesNothing(DatabaseProvider provider)
    {
        await using var host = await LedgerTestHost.CreateAsync(provider: provider);
        await host.CreateProgramAsync();
        var resident = await host.RegisterResidentAsync();
        var shop = await host.RegisterMerchantAsync();
        await host.BuyAsync(resident);

        var refused = await host.SendAsync(Pay(resident, shop, 13_001, "too-much"));
        var paid = await host.SendAsync(Pay(resident, shop, 13_000, "all"));

        refused.Error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
        paid.IsSuccess.Should().BeTrue(because: paid.Error?.Detail ?? "");
        (await host.BalanceAsync(resident)).Should().Be(0);
        (await host.BalanceAsync(shop)).Should().Be(13_000);
    }

    [ProviderTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pay_FortyParallelPaymentsFromOneWallet_NeverOverspend(DatabaseProvider provider)
    {
        await using var host = await LedgerTestHost.CreateAsync(provider: provider);
        await host.CreateProgramAsync();
        var resident = await host.RegisterResidentAsync();
        var shops = new[] { await host.RegisterMerchantAsync(), await host.RegisterMerchantAsync() };
        await host.BuyAsync(resident);

        using var start = new ManualResetEventSlim();
        var payments = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await host.SendAsync(Pay(resident, shops[i % 2], 1_000, $"p{i}"));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(payments);

        results.Count(r => r.IsSuccess).Should().Be(13);
        // A payment that lost the race three times answers Busy (nothing written; the client retries).
        results.Where(r => !r.IsSuccess).Should().OnlyContain(r => r.Error!.Type == ProblemTypes.InsufficientBalance || r.Error.Type == ProblemTypes.Busy);
        (await host.BalanceAsync(resident)).Should().Be(0);
        (await host.BalanceAsync(shops[0]) + await host.BalanceAsync(shops[1])).Should().Be(13_000);
        (await host.MustAsync(new VerifyLedgerQuery())).Problems.Should().BeEmpty();
    }

    [ProviderTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pay_SameKeySentTwentyTimesAtOnce_PaysOnceAndEveryAnswerIsTheFirst(DatabaseProvider provider)
    {
        await using var host = await LedgerTestHost.CreateAsync(provider: provider);
        await host.CreateProgramAsync();
        var resident = await host.RegisterResidentAsync();
        var shop = await host.RegisterMerchantAsync();
        await host.BuyAsync(resident);

        using var start = new ManualResetEventSlim();
        var sends = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await host.SendAsync(Pay(resident, shop, 1_000, "same-key"));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(sends);

        var paid = results.Where(r => r.IsSuccess).Select(r => r.Value!.PaymentId).Distinct().ToList();
        paid.Should().ContainSingle();
        results.Where(r => !r.IsSuccess && r.Error!.Type != ProblemTypes.Busy).Should().BeEmpty();
        (await host.BalanceAsync(shop)).Should().Be(1_000);
        (await host.WithDbAsync(db => db.Payments.CountAsync())).Should().Be(1);
    }

    [ProviderTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RefundSettleSealVerify_OnAnUntouchedLedger_ReportsOkAndATamperedRowIsCaught(DatabaseProvider provider)
    {
        await using var host = await LedgerTestHost.CreateAsync(provider: provider);
        await host.CreateProgramAsync(redemptionFeeBps: 150);
        var shop = await host.RegisterMerchantAsync();
        for (var i = 0; i < 3; i++)
        {
            var resident = await host.RegisterResidentAsync();
            await host.BuyAsync(resident);
            var paid = await host.MustAsync(Pay(resident, shop, 2_500, host.NextKey()));
            await host.MustAsync(new RefundPaymentCommand(shop, paid.PaymentId, 500, IdempotencyScopes.Merchant(shop), host.NextKey()));
        }

        host.SetJst(Day1.AddDays(2), 9);
        var settled = await host.MustAsync(Settle(Day1, "settle-day1"));
        var replayed = await host.MustAsync(Settle(Day1, "settle-day1"));
        var seal = await host.MustAsync(new SealLedgerCommand(TimeSpan.Zero));
        var clean = await host.MustAsync(new VerifyLedgerQuery());
        await host.WithDbAsync(db => db.Transfers.Where(t => t.Sequence == seal.TransfersSealed)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Amount, t => t.Amount + 1)));
        var tampered = await host.MustAsync(new VerifyLedgerQuery());

        settled.Points.Should().Be(6_000);
        settled.FeeYen.Should().Be(90);
        replayed.Should().BeEquivalentTo(settled);
        (await host.BalanceAsync(shop)).Should().Be(0);
        clean.Ok.Should().BeTrue(because: string.Join("; ", clean.Problems));
        clean.SealedTransfers.Should().Be(clean.Transfers).And.Be(seal.TransfersSealed);
        tampered.Ok.Should().BeFalse();
        tampered.Problems.Should().Contain(p => p.Contains("does not match its hash", StringComparison.Ordinal));
    }

    /// <summary>
    /// Payment A draws its transfer sequence numbers and stalls before committing; payment B, started later,
    /// draws higher ones and commits. A seal run now must not pass A's numbers: once A commits, its rows
    /// would sit inside a block that never hashed them. On SQLite B waits for A (one writer); on PostgreSQL
    /// B commits first and the sealer waits for A.
    /// </summary>
    [ProviderTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seal_WhileALowerSequenceIsStillUncommitted_NeverSealsPastIt(DatabaseProvider provider)
    {
        var stall = new StallAfterTransferInsert();
        await using var host = await LedgerTestHost.CreateAsync(s => s.ConfigureDbContext<LedgerDbContext>(o => o.AddInterceptors(stall)), provider);
        await host.CreateProgramAsync();
        // Two residents paying two shops: on PostgreSQL the payments lock no row in common.
        var (shopA, shopB) = (await host.RegisterMerchantAsync(), await host.RegisterMerchantAsync());
        var (a, b) = (await host.RegisterResidentAsync(), await host.RegisterResidentAsync());
        await host.BuyAsync(a);
        await host.BuyAsync(b);

        stall.Arm();
        var payA = Task.Run(() => host.SendAsync(Pay(a, shopA, 1_000, "a")));
        await stall.Stalled.WaitAsync(TimeSpan.FromSeconds(30));
        var payB = Task.Run(() => host.SendAsync(Pay(b, shopB, 1_000, "b")));
        await Task.WhenAny(payB, Task.Delay(TimeSpan.FromSeconds(provider == DatabaseProvider.Sqlite ? 1 : 10)));
        var seal = Task.Run(() => host.SendAsync(new SealLedgerCommand(TimeSpan.Zero)));
        await Task.WhenAny(seal, Task.Delay(TimeSpan.FromSeconds(2)));
        stall.Release();
        var results = await Task.WhenAll(payA, payB);
        var firstSeal = await seal;
        await host.MustAsync(new SealLedgerCommand(TimeSpan.Zero));
        var report = await host.MustAsync(new VerifyLedgerQuery());

        results.Should().OnlyContain(r => r.IsSuccess);
        firstSeal.IsSuccess.Should().BeTrue(because: firstSeal.Error?.Detail ?? "");
        report.Ok.Should().BeTrue(because: string.Join("; ", report.Problems));
        report.SealedTransfers.Should().Be(report.Transfers);
    }

    /// <summary>Holds the first command that inserts transfers, after the insert ran, until released.</summary>
    private sealed class StallAfterTransferInsert : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public Task Stalled => _stalled.Task;

        public void Arm() => _armed = 1;

        public void Release() => _release.TrySetResult();

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            await StallAsync(command);
            return result;
        }

        public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            await StallAsync(command);
            return result;
        }

        private async Task StallAsync(DbCommand command)
        {
            if (command.CommandText.Contains("INSERT INTO \"Transfers\"", StringComparison.Ordinal) && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _stalled.TrySetResult();
                await _release.Task;
            }
        }
    }
}
