using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Expiry.ExpirePoints;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Tests.Settlements;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Expiry;

public sealed class ExpirePointsTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Program P1 valid through 2026-04-15 (JST, inclusive).</summary>
    private static readonly DateOnly LastValidDay = new(2026, 4, 15);

    private async Task<(Guid Resident, Guid Shop)> ResidentWhoSpentAsync(long spent)
    {
        await _host.CreateProgramAsync(expiresOn: LastValidDay, salesUntil: _host.Today);
        var resident = await _host.RegisterResidentAsync();
        var shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(resident);
        await _host.PayAsync(resident, shop, spent);
        return (resident, shop);
    }

    private Task<ExpiryBatchDone> ExpireTodayAsync(int batchSize = 1000) =>
        _host.MustAsync(new ExpirePointsCommand(_host.Today, batchSize));

    [Fact]
    public async Task Expire_AtTheLastSecondOfTheExpiryDayJst_LeavesPointsValid()
    {
        var (resident, _) = await ResidentWhoSpentAsync(3_000);
        _host.SetJst(LastValidDay, 23, 59, 59);

        var done = await ExpireTodayAsync();

        done.Should().Be(new ExpiryBatchDone(0, 0, false));
        (await _host.BalanceAsync(resident)).Should().Be(10_000);
    }

    [Fact]
    public async Task Expire_AtMidnightAfterTheExpiryDayJst_MovesRemainingLotsToExpired_AndLeavesMerchantsAlone()
    {
        var (resident, shop) = await ResidentWhoSpentAsync(3_000);
        _host.SetJst(LastValidDay.AddDays(1), 0, 0, 0);

        var done = await ExpireTodayAsync();

        done.Should().Be(new ExpiryBatchDone(2, 10_000, false)); // one general and one smallBusiness lot
        (await _host.BalanceAsync(resident)).Should().Be(0);
        (await _host.BalanceAsync(await _host.ExpiredAccountAsync())).Should().Be(10_000);
        (await _host.BalanceAsync(shop)).Should().Be(3_000, "merchants are always paid for points they accepted");
        (await _host.WithDbAsync(db => db.Lots.SumAsync(l => l.Remaining))).Should().Be(0);
        (await _host.MustAsync(new VerifyLedgerQuery())).Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Expire_TwoPurchasesOfOneResident_MovesBothLotsOfEachKindInOneTransferEach()
    {
        var (resident, _) = await ResidentWhoSpentAsync(3_000);
        await _host.BuyAsync(resident); // a second lot of each kind; the 3,000 came out of the first smallBusiness lot
        _host.SetJst(LastValidDay.AddDays(1), 1);

        var done = await ExpireTodayAsync();

        done.Should().Be(new ExpiryBatchDone(4, 23_000, false));
        var expiries = await _host.WithDbAsync(db => db.Transfers.Where(t => t.Type == TransferType.Expiry)
            .Select(t => new { t.Kind, t.Amount }).ToListAsync());
        expiries.Should().BeEquivalentTo(new[] { new { Kind = PointKind.General, Amount = 12_000L }, new { Kind = PointKind.SmallBusiness, Amount = 11_000L } },
            "the lots of one resident, program and kind are summed into one transfer");
        (await _host.BalanceAsync(resident)).Should().Be(0);
        (await _host.BalanceAsync(await _host.ExpiredAccountAsync())).Should().Be(23_000);
        (await _host.MustAsync(new VerifyLedgerQuery())).Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Expire_Twice_IsANoOp()
    {
        await ResidentWhoSpentAsync(3_000);
        _host.SetJst(LastValidDay.AddDays(2), 8);
        await ExpireTodayAsync();
        var transfers = await _host.TransferCountAsync();

        var again = await ExpireTodayAsync();

        again.Should().Be(new ExpiryBatchDone(0, 0, false));
        (await _host.TransferCountAsync()).Should().Be(transfers);
    }

    [Fact]
    public async Task Expire_InBatches_ReportsMoreRemaining_AndTheRunnerFinishesTheJob()
    {
        await _host.CreateProgramAsync(expiresOn: LastValidDay, salesUntil: _host.Today);
        for (var i = 0; i < 3; i++)
        {
            await _host.BuyAsync(await _host.RegisterResidentAsync());
        }

        _host.SetJst(LastValidDay.AddDays(1), 1);
        var first = await ExpireTodayAsync(batchSize: 4);

        first.Lots.Should().Be(4);
        first.MoreRemaining.Should().BeTrue();
        var reports = new List<ExpiryTotals>();
        var totals = await ExpiryRunner.RunAsync(_host.Services.GetRequiredService<IServiceScopeFactory>(), _host.Today, 1, new SyncProgress(reports.Add));

        totals.IsSuccess.Should().BeTrue();
        totals.Value!.Batches.Should().Be(2);
        totals.Value.Lots.Should().Be(2);
        (first.Points + totals.Value.Points).Should().Be(39_000);
        reports.Should().HaveCount(2);
        (await _host.BalanceAsync(await _host.ExpiredAccountAsync())).Should().Be(39_000);
        (await _host.MustAsync(new VerifyLedgerQuery())).Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Expire_AsOfAFutureDay_IsRefused()
    {
        await ResidentWhoSpentAsync(1_000);

        var result = await _host.SendAsync(new ExpirePointsCommand(_host.Today.AddDays(30)));

        result.Error!.Status.Should().Be(422);
        result.Error.Type.Should().Be(ProblemTypes.DateInFuture, "'expired' means a lot or code ran out, not a date not yet come");
        (await _host.BalanceAsync(await _host.ExpiredAccountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Expire_BatchSizeOutOfRange_IsAValidationError()
    {
        var result = await _host.SendAsync(new ExpirePointsCommand(_host.Today, 0));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
    }

    [Fact]
    public async Task Expire_ABatchThatTakesTheLastLots_ReportsNothingMoreRemaining()
    {
        await ResidentWhoSpentAsync(3_000); // leaves exactly two lots with points
        _host.SetJst(LastValidDay.AddDays(1), 1);

        var done = await ExpireTodayAsync(batchSize: 2);

        done.Should().Be(new ExpiryBatchDone(2, 10_000, false), "a full batch is not proof that more remain");
    }

    [Fact]
    public async Task Expire_LeavesAFullySpentLotOutOfTheCount()
    {
        await _host.CreateProgramAsync(expiresOn: LastValidDay, salesUntil: _host.Today, general: 6_000, smallBusiness: 7_000);
        var resident = await _host.RegisterResidentAsync();
        await _host.BuyAsync(resident);
        await _host.PayAsync(resident, await _host.RegisterMerchantAsync(MerchantSize.Large), 6_000); // large shops take general points only
        _host.SetJst(LastValidDay.AddDays(1), 1);

        var done = await ExpireTodayAsync();

        done.Should().Be(new ExpiryBatchDone(1, 7_000, false));
    }

    [Fact]
    public async Task Runner_WhenNothingHasExpired_RunsNoBatchAndReportsNothing()
    {
        await ResidentWhoSpentAsync(3_000);
        var reports = new List<ExpiryTotals>();

        var totals = await ExpiryRunner.RunAsync(_host.Services.GetRequiredService<IServiceScopeFactory>(), _host.Today, 1000, new SyncProgress(reports.Add));

        totals.Value.Should().Be(new ExpiryTotals(0, 0, 0));
        reports.Should().BeEmpty();
    }

    [Fact]
    public async Task Runner_AsOfAFutureDay_ReturnsTheRefusal()
    {
        var totals = await ExpiryRunner.RunAsync(_host.Services.GetRequiredService<IServiceScopeFactory>(), _host.Today.AddDays(1));

        totals.Error!.Type.Should().Be(ProblemTypes.DateInFuture);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(ExpirePointsValidator.MaxBatchSize + 1)]
    public async Task Expire_BatchSizeOutsideOneToTenThousand_IsAValidationError(int batchSize)
    {
        var result = await _host.SendAsync(new ExpirePointsCommand(_host.Today, batchSize));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(ExpirePointsValidator.MaxBatchSize)]
    public async Task Expire_BatchSizeAtTheBounds_IsAccepted(int batchSize)
    {
        (await _host.SendAsync(new ExpirePointsCommand(_host.Today, batchSize))).IsSuccess.Should().BeTrue();
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test wants the reports in hand when the run returns.</summary>
    private sealed class SyncProgress(Action<ExpiryTotals> report) : IProgress<ExpiryTotals>
    {
        public void Report(ExpiryTotals value) => report(value);
    }
}
