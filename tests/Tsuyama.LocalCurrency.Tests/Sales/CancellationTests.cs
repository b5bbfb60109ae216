using Tsuyama.LocalCurrency.Common;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Features.Sales.CancelPurchase;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Sales;

public sealed class CancellationTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private CancelPurchaseCommand Cancel(Guid purchase) => new(purchase, "changed their mind", "user:counter", _host.NextKey());

    [Fact]
    public async Task Cancel_BeforeAnyPointIsSpent_ReversesTheIssuanceInTheJournalAndFreesUnitsAndPremium()
    {
        await _host.SalesProgramAsync(AllocationRule.FirstCome, totalUnits: 10, premiumBudget: 100_000);
        var resident = await _host.RegisterVerifiedResidentAsync();
        var bought = await _host.MustAsync(_host.CounterSale(resident, SalesTestData.Code, 2));

        var cancelled = await _host.MustAsync(Cancel(bought.PurchaseId));

        cancelled.Should().Be(new PurchaseCancelled(bought.PurchaseId, 20_000, 26_000));
        (await _host.WalletAsync(resident)).Should().Be(0);
        var reversals = await _host.WithDbAsync(db => db.Transfers.Where(t => t.Type == TransferType.IssueReversal).ToListAsync());
        reversals.Sum(t => t.Amount).Should().Be(26_000);
        reversals.Should().OnlyContain(t => t.OperationId == bought.PurchaseId && t.FromAccountId == resident);
        (await _host.WithDbAsync(db => db.Programs.Select(p => p.UnitsSold).FirstAsync())).Should().Be(0);
        (await _host.SalesAsync()).PremiumCommitted.Should().Be(0);
        (await _host.MustAsync(new VerifyLedgerQuery())).Ok.Should().BeTrue();
        (await _host.SendAsync(_host.CounterSale(resident, SalesTestData.Code, 5))).IsSuccess.Should().BeTrue("the personal limit of 5 was given back too");
    }

    [Fact]
    public async Task Cancel_AfterSomePointsWereSpent_IsRefusedAndChangesNothing()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterVerifiedResidentAsync();
        var shop = await _host.RegisterMerchantAsync();
        var bought = await _host.BuyAsync(resident);
        await _host.MustAsync(new PayCommand(resident, shop, 500, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), _host.NextKey()));
        var transfers = await _host.TransferCountAsync();

        var result = await _host.SendAsync(Cancel(bought.PurchaseId));

        result.Error!.Type.Should().Be(ProblemTypes.PointsAlreadySpent);
        (await _host.WalletAsync(resident)).Should().Be(12_500);
        (await _host.TransferCountAsync()).Should().Be(transfers);
        (await _host.WithDbAsync(db => db.Purchases.Select(p => p.CancelledAt).FirstAsync())).Should().BeNull();
    }

    [Fact]
    public async Task Cancel_Twice_IsAConflict()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterVerifiedResidentAsync();
        var bought = await _host.BuyAsync(resident);
        await _host.MustAsync(Cancel(bought.PurchaseId));

        var again = await _host.SendAsync(Cancel(bought.PurchaseId));

        again.Error!.Type.Should().Be(ProblemTypes.AlreadyCancelled);
    }

    [Fact]
    public async Task Cancel_OfAPaidApplication_MarksItCancelledAndGivesTheUnitsToTheWaitingList()
    {
        await _host.SalesProgramAsync(AllocationRule.FirstCome, totalUnits: 2);
        var (_, paid) = await _host.ApplyAsync(2);
        var (_, waiting) = await _host.ApplyAsync(1);
        var bought = await _host.MustAsync(_host.PayAtCounter(paid));

        await _host.MustAsync(Cancel(bought.PurchaseId));

        (await _host.ApplicationAsync(paid.ApplicationId)).Status.Should().Be(ApplicationStatus.Cancelled);
        (await _host.ApplicationAsync(waiting.ApplicationId)).Status.Should().Be(ApplicationStatus.Won);
    }

    [Fact]
    public async Task Cancel_AfterPointsOfBothKindsWereSpent_NamesEverySpentPointInTheRefusal()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterVerifiedResidentAsync();
        var bought = await _host.BuyAsync(resident);
        await _host.PayAsync(resident, await _host.RegisterMerchantAsync(), 7_500); // all 7,000 smallBusiness and 500 general

        var result = await _host.SendAsync(Cancel(bought.PurchaseId));

        result.Error!.Type.Should().Be(ProblemTypes.PointsAlreadySpent);
        result.Error.Detail.Should().StartWith("7,500 points of purchase", "the counter tells the resident how much was used");
    }

    [Fact]
    public async Task Cancel_OfAPurchaseThatDoesNotExist_ReturnsNotFound()
    {
        var unknown = Guid.NewGuid();

        var result = await _host.SendAsync(Cancel(unknown));

        result.Error!.Status.Should().Be(404);
        result.Error.Detail.Should().Contain(unknown.ToString());
    }

    [Fact]
    public async Task Cancel_OfOneResidentsPurchase_LeavesAnotherResidentsPointsAndPersonalLimitAlone()
    {
        await _host.SalesProgramAsync(AllocationRule.FirstCome, totalUnits: 10, maxPerResident: 5);
        var (cancelling, other) = (await _host.RegisterVerifiedResidentAsync(), await _host.RegisterVerifiedResidentAsync());
        var cancelled = await _host.MustAsync(_host.CounterSale(cancelling, SalesTestData.Code, 2));
        await _host.MustAsync(_host.CounterSale(other, SalesTestData.Code, 2));

        await _host.MustAsync(Cancel(cancelled.PurchaseId));

        (await _host.WalletAsync(other)).Should().Be(26_000);
        (await _host.WithDbAsync(db => db.Lots.Where(l => l.ResidentId == other).SumAsync(l => l.Remaining))).Should().Be(26_000);
        var bought = await _host.UnitsBoughtAsync();
        bought.Should().Equal(new Dictionary<Guid, int> { [cancelling] = 0, [other] = 2 });
        (await _host.WithDbAsync(db => db.Programs.Select(p => p.UnitsSold).FirstAsync())).Should().Be(2);
        (await _host.MustAsync(new VerifyLedgerQuery())).Ok.Should().BeTrue();
    }
}
