using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;
using Tsuyama.LocalCurrency.Tests.Support;
using static Tsuyama.LocalCurrency.Tests.Settlements.SettlementTestData;

namespace Tsuyama.LocalCurrency.Tests.Settlements;

public sealed class RunSettlementTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Settle_FeesAndRounding_PerMerchantAndProgram()
    {
        await _host.CreateProgramAsync(redemptionFeeBps: 150);
        var resident = await _host.RegisterResidentAsync();
        var (a, b) = (await _host.RegisterMerchantAsync(), await _host.RegisterMerchantAsync());
        await _host.BuyAsync(resident, units: 2);
        await _host.PayAsync(resident, a, 7_500);
        await _host.PayAsync(resident, a, 7_000); // 14,000 smallBusiness, then 500 general: both kinds at shop a
        await _host.PayAsync(resident, b, 999);
        _host.SetJst(Day1.AddDays(2), 9);

        var done = await _host.MustAsync(Settle(Day1));

        // a: 14,500 × 1.5 % = 217.5 → 217 (tax 217×10/110 = 19.7 → 19); b: 999 × 1.5 % = 14.985 → 14 (tax 1.27 → 1).
        done.MerchantCount.Should().Be(2);
        done.Points.Should().Be(15_499);
        done.FeeYen.Should().Be(231);
        done.PayoutYen.Should().Be(15_268);
        var lines = await _host.WithDbAsync(db => db.SettlementLines.Where(l => l.SettlementId == done.SettlementId).ToListAsync());
        lines.Should().BeEquivalentTo(new[]
        {
            new { MerchantId = a, Points = 14_500L, FeeYen = 217L, TaxInFeeYen = 19L, PayoutYen = 14_283L },
            new { MerchantId = b, Points = 999L, FeeYen = 14L, TaxInFeeYen = 1L, PayoutYen = 985L },
        });
        (await _host.BalanceAsync(a)).Should().Be(0);
        (await _host.BalanceAsync(b)).Should().Be(0);
        (await _host.BalanceAsync(await _host.RedeemedAccountAsync())).Should().Be(15_499);
        (await _host.MustAsync(new VerifyLedgerQuery())).Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Settle_RedeemsOnlyPointsReceivedUpToTheEndOfTheCutoffDayJst()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterResidentAsync();
        var shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(resident);
        await _host.PayAsync(resident, shop, 1_000);
        _host.SetJst(Day1, 23, 59, 59);
        await _host.PayAsync(resident, shop, 300);
        _host.SetJst(Day1.AddDays(1), 0, 0, 0);
        await _host.PayAsync(resident, shop, 500);
        _host.SetJst(Day1.AddDays(2), 10);
        await _host.PayAsync(resident, shop, 70);

        var first = await _host.MustAsync(Settle(Day1));

        first.Points.Should().Be(1_300);
        (await _host.BalanceAsync(shop)).Should().Be(570);

        _host.SetJst(Day1.AddDays(3), 10);
        var second = await _host.MustAsync(Settle(Day1.AddDays(1)));

        second.Points.Should().Be(500, "the 70 points of the day after the cutoff wait for the next one");
        (await _host.BalanceAsync(shop)).Should().Be(70);
        (await _host.MustAsync(new VerifyLedgerQuery())).Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Settle_RunLateAfterALaterDay_StillSubtractsEarlierRedemptions()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterResidentAsync();
        var shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(resident);
        await _host.PayAsync(resident, shop, 100);
        _host.SetJst(Day1.AddDays(1), 10);
        await _host.PayAsync(resident, shop, 50);
        _host.SetJst(Day1.AddDays(3), 10);
        await _host.PayAsync(resident, shop, 20);

        // The Day1 settlement runs only after Day1+1 is over too; the Day1+1 run must not pay its 100 again.
        (await _host.MustAsync(Settle(Day1))).Points.Should().Be(100);
        (await _host.MustAsync(Settle(Day1.AddDays(1)))).Points.Should().Be(50);
        (await _host.BalanceAsync(shop)).Should().Be(20);
    }

    [Fact]
    public async Task Settle_SameCutoffTwice_PaysNobodyTwice()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterResidentAsync();
        var shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(resident);
        await _host.PayAsync(resident, shop, 2_000);
        _host.SetJst(Day1.AddDays(1), 10);
        var first = await _host.MustAsync(Settle(Day1));
        var before = await _host.LedgerFingerprintAsync();

        var again = await _host.SendAsync(Settle(Day1));

        again.IsSuccess.Should().BeFalse();
        again.Error!.Status.Should().Be(409);
        again.Error.Type.Should().Be(ProblemTypes.Conflict);
        // The same cutoff is named as settled, not as "a later cutoff" (the refusal says which mistake was made).
        again.Error.Detail.Should().Be($"The cutoff {Day1:yyyy-MM-dd} was already settled by settlement {first.SettlementId}.");
        (await _host.LedgerFingerprintAsync()).Should().Be(before);
        (await _host.BalanceAsync(await _host.RedeemedAccountAsync())).Should().Be(2_000);
    }

    [Fact]
    public async Task Settle_SameIdempotencyKeyTwice_ReplaysTheFirstSettlement()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterResidentAsync();
        var shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(resident);
        await _host.PayAsync(resident, shop, 2_000);
        _host.SetJst(Day1.AddDays(1), 10);

        var first = await _host.MustAsync(Settle(Day1, "settle-0410"));
        var replay = await _host.MustAsync(Settle(Day1, "settle-0410"));

        replay.Should().BeEquivalentTo(first);
        (await _host.WithDbAsync(db => db.Settlements.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task Settle_CutoffNotAfterTheLatestSettled_IsAConflict()
    {
        await _host.CreateProgramAsync();
        _host.SetJst(Day1.AddDays(5), 10);
        var latest = await _host.MustAsync(Settle(Day1.AddDays(2)));

        var earlier = await _host.SendAsync(Settle(Day1));

        earlier.Error!.Status.Should().Be(409);
        earlier.Error.Detail.Should().Contain(latest.SettlementId.ToString()).And.Contain("must increase");
    }

    [Fact]
    public async Task Settle_CutoffBetweenTwoSettledOnes_IsAConflictNamingTheLatest()
    {
        await _host.CreateProgramAsync();
        _host.SetJst(Day1.AddDays(5), 10);
        await _host.MustAsync(Settle(Day1));
        var latest = await _host.MustAsync(Settle(Day1.AddDays(3)));

        var between = await _host.SendAsync(Settle(Day1.AddDays(1)));

        between.Error!.Status.Should().Be(409);
        between.Error.Detail.Should().Be(
            $"The later cutoff {Day1.AddDays(3):yyyy-MM-dd} was already settled by settlement {latest.SettlementId}; cutoffs must increase.");
        (await _host.WithDbAsync(db => db.Settlements.CountAsync())).Should().Be(2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Settle_CutoffTodayOrLaterJst_IsRefused(int daysAfterToday)
    {
        await _host.CreateProgramAsync();

        var result = await _host.SendAsync(Settle(_host.Today.AddDays(daysAfterToday)));

        result.Error!.Status.Should().Be(422);
        result.Error.Type.Should().Be(ProblemTypes.CutoffNotOver);
        (await _host.WithDbAsync(db => db.Settlements.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Settle_ConcurrentDuplicateRuns_PayOnce()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterResidentAsync();
        var shops = new[] { await _host.RegisterMerchantAsync(), await _host.RegisterMerchantAsync(), await _host.RegisterMerchantAsync() };
        await _host.BuyAsync(resident);
        foreach (var shop in shops)
        {
            await _host.PayAsync(resident, shop, 1_000);
        }

        _host.SetJst(Day1.AddDays(1), 10);
        using var start = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await _host.SendAsync(Settle(Day1, $"run-{i}"));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(runs);

        results.Count(r => r.IsSuccess).Should().Be(1);
        results.Where(r => !r.IsSuccess).Should().OnlyContain(r => r.Error!.Status == 409);
        (await _host.BalanceAsync(await _host.RedeemedAccountAsync())).Should().Be(3_000);
        (await _host.WithDbAsync(db => db.Transfers.CountAsync(t => t.Type == TransferType.Redemption))).Should().Be(3);
        (await _host.MustAsync(new VerifyLedgerQuery())).Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Settlements_UniqueIndexOnCutoff_RejectsASecondRowForTheSameDay()
    {
        // What stops two racing runs on SQL Server, where transactions do not queue on one lock.
        var row = () => new Settlement { Id = Guid.CreateVersion7(), Cutoff = Day1, CreatedAt = DateTime.UtcNow, TransferDate = Day1.AddDays(3) };
        await _host.WithDbAsync(db => { db.Settlements.Add(row()); return db.SaveChangesAsync(); });

        var duplicate = () => _host.WithDbAsync(db => { db.Settlements.Add(row()); return db.SaveChangesAsync(); });

        (await duplicate.Should().ThrowAsync<DbUpdateException>()).Which.InnerException!.Message.Should().Contain("UNIQUE");
    }

    [Fact]
    public async Task Settle_NobodyHoldsPoints_RecordsAnEmptySettlement()
    {
        await _host.CreateProgramAsync();
        await _host.RegisterMerchantAsync();
        _host.SetJst(Day1.AddDays(1), 10);

        var done = await _host.MustAsync(Settle(Day1));

        done.Should().BeEquivalentTo(new { MerchantCount = 0, Points = 0L, FeeYen = 0L, PayoutYen = 0L });
        (await _host.SendAsync(Settle(Day1))).Error!.Status.Should().Be(409);
    }

    [Fact]
    public async Task Settle_AfterTheShopReceivedAndRefundedFromTheNextMidnight_RedeemsTheCutoffBalance()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterResidentAsync();
        var shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(resident);
        await _host.PayAsync(resident, shop, 1_000);
        _host.SetJst(Day1.AddDays(1), 0, 0, 0); // the first instant after the cutoff day
        var next = await _host.PayAsync(resident, shop, 500);
        await _host.MustAsync(_host.Refund(shop, next.PaymentId, 200));
        await _host.MustAsync(_host.Refund(shop, next.PaymentId, 100));
        _host.SetJst(Day1.AddDays(2), 10);

        var first = await _host.MustAsync(Settle(Day1));

        // Worked back from today's 1,200: less the 500 received since, plus the 300 refunded since.
        first.Points.Should().Be(1_000, "what the shop held at the end of the cutoff day, not today's balance");
        (await _host.BalanceAsync(shop)).Should().Be(200);
        _host.SetJst(Day1.AddDays(3), 10);
        (await _host.MustAsync(Settle(Day1.AddDays(1)))).Points.Should().Be(200, "the next day's 500 less its refunds");
        (await _host.MustAsync(new VerifyLedgerQuery())).Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Settle_AShopPaidOnlyAfterTheCutoff_GetsNoLineAndKeepsItsPoints()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterResidentAsync();
        var (early, late) = (await _host.RegisterMerchantAsync(), await _host.RegisterMerchantAsync());
        await _host.BuyAsync(resident);
        await _host.PayAsync(resident, early, 1_000);
        _host.SetJst(Day1.AddDays(1), 9);
        await _host.PayAsync(resident, late, 400);
        _host.SetJst(Day1.AddDays(2), 10);

        var done = await _host.MustAsync(Settle(Day1));

        done.MerchantCount.Should().Be(1);
        var lines = await _host.WithDbAsync(db => db.SettlementLines.Where(l => l.SettlementId == done.SettlementId).Select(l => l.MerchantId).ToListAsync());
        lines.Should().Equal(early);
        (await _host.WithDbAsync(db => db.Transfers.CountAsync(t => t.Type == TransferType.Redemption))).Should().Be(1);
        (await _host.BalanceAsync(late)).Should().Be(400);
    }

    [Theory]
    [InlineData(" ", "2026-04-10", "caller")]
    [InlineData("admin:test", "1999-12-31", "cutoff")]
    [InlineData("admin:test", "0001-01-01", "cutoff")]
    public async Task Settle_WithoutACallerOrWithACutoffOutsideTheLedgerYears_IsAValidationError(string caller, string cutoff, string field)
    {
        await _host.CreateProgramAsync();

        var result = await _host.SendAsync(new RunSettlementCommand(DateOnly.Parse(cutoff, CultureInfo.InvariantCulture), caller));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
        result.Error.Fields.Should().ContainKey(field).And.HaveCount(1);
        (await _host.WithDbAsync(db => db.Settlements.CountAsync())).Should().Be(0);
    }
}
