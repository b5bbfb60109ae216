using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Features.Sales.Apply;
using Tsuyama.LocalCurrency.Features.Sales.ConfirmApplicationPayment;
using Tsuyama.LocalCurrency.Features.Sales.RecordCounterSale;
using Tsuyama.LocalCurrency.Features.Sales.RunLottery;
using Tsuyama.LocalCurrency.Features.Sales.SetSalesRules;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Sales;

public sealed class PaymentConfirmationTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ConfirmPayment_UnderConcurrentDoubleSubmission_IssuesThePointsExactlyOnce()
    {
        await _host.SalesProgramAsync(AllocationRule.FirstCome, totalUnits: 10);
        var (resident, application) = await _host.ApplyAsync(2);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _host.SendAsync(_host.PayAtCounter(application)))));

        results.Count(r => r.IsSuccess).Should().Be(1);
        results.Where(r => !r.IsSuccess).Should().OnlyContain(r => r.Error!.Type == ProblemTypes.AlreadyPaid && r.Error.Status == 409);
        (await _host.WalletAsync(resident)).Should().Be(26_000);
        (await _host.WithDbAsync(db => db.Purchases.CountAsync())).Should().Be(1);
        (await _host.WithDbAsync(db => db.Programs.Select(p => p.UnitsSold).FirstAsync())).Should().Be(2);
        (await _host.SalesAsync()).UnitsReserved.Should().Be(0);
        (await _host.MustAsync(new VerifyLedgerQuery())).Ok.Should().BeTrue();
    }

    [Fact]
    public async Task ConfirmPayment_WithTheWrongAmount_ReturnsAmountMismatchAndIssuesNothing()
    {
        await _host.SalesProgramAsync(AllocationRule.FirstCome, totalUnits: 10);
        var (resident, application) = await _host.ApplyAsync(2);

        var result = await _host.SendAsync(_host.PayAtCounter(application) with { PaidYen = 10_000 });

        result.Error!.Type.Should().Be(ProblemTypes.AmountMismatch);
        (await _host.WalletAsync(resident)).Should().Be(0);
        (await _host.ApplicationAsync(application.ApplicationId)).Status.Should().Be(ApplicationStatus.Won);
    }

    [Fact]
    public async Task ConfirmPayment_ForAnUnverifiedResident_ReturnsNotVerifiedAndIssuesNothing()
    {
        await _host.SalesProgramAsync(AllocationRule.FirstCome, totalUnits: 10);
        var (resident, application) = await _host.ApplyAsync(1, verified: false);

        var result = await _host.SendAsync(_host.PayAtCounter(application));

        result.Error!.Type.Should().Be(ProblemTypes.ResidentNotVerified);
        (await _host.WalletAsync(resident)).Should().Be(0);
    }

    [Fact]
    public async Task ConfirmPayment_OfAWaitingApplication_ReturnsNotAWinner()
    {
        await _host.SalesProgramAsync(AllocationRule.FirstCome, totalUnits: 1);
        await _host.ApplyAsync(1);
        var (_, waiting) = await _host.ApplyAsync(1);

        var result = await _host.SendAsync(_host.PayAtCounter(waiting));

        result.Error!.Type.Should().Be(ProblemTypes.NotAWinner);
    }

    [Fact]
    public async Task ConfirmPayment_AfterTheDeadline_ReturnsPaymentDeadlinePassed()
    {
        await _host.SalesProgramAsync(AllocationRule.FirstCome, totalUnits: 5);
        var (_, application) = await _host.ApplyAsync(1);
        _host.Clock.Advance(TimeSpan.FromDays(8));

        var result = await _host.SendAsync(_host.PayAtCounter(application));

        result.Error!.Type.Should().Be(ProblemTypes.PaymentDeadlinePassed);
    }

    [Fact]
    public async Task WalkInSale_InALotteryProgram_IsRefused()
    {
        await _host.SalesProgramAsync(AllocationRule.Lottery, totalUnits: 5);
        var resident = await _host.RegisterVerifiedResidentAsync();

        var result = await _host.SendAsync(_host.CounterSale(resident, SalesTestData.Code));

        result.Error!.Type.Should().Be(ProblemTypes.LotteryOnly);
    }

    [Fact]
    public async Task WalkInSale_CannotTakeUnitsReservedForAllocatedApplications()
    {
        await _host.SalesProgramAsync(AllocationRule.FirstCome, totalUnits: 3);
        await _host.ApplyAsync(2);
        var walkIn = await _host.RegisterVerifiedResidentAsync();

        var tooMany = await _host.SendAsync(_host.CounterSale(walkIn, SalesTestData.Code, 2));
        var fits = await _host.SendAsync(_host.CounterSale(walkIn, SalesTestData.Code, 1));

        tooMany.Error!.Type.Should().Be(ProblemTypes.LimitExceeded);
        tooMany.Error.Detail.Should().Be($"Only 1 units of '{SalesTestData.Code}' are left for sale.", "two of the three are reserved");
        fits.IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task Sale_WhenThePremiumBudgetWouldBeExceeded_StopsAndIssuesNothing()
    {
        // 3,000 points of premium a unit; a budget of 7,000 covers two units, not three.
        await _host.SalesProgramAsync(AllocationRule.FirstCome, totalUnits: 100, premiumBudget: 7_000);
        var first = await _host.RegisterVerifiedResidentAsync();
        var second = await _host.RegisterVerifiedResidentAsync();
        await _host.MustAsync(_host.CounterSale(first, SalesTestData.Code, 2));

        var over = await _host.SendAsync(_host.CounterSale(second, SalesTestData.Code, 1));

        over.Error!.Type.Should().Be(ProblemTypes.PremiumBudgetExhausted);
        over.Error.Detail.Should().Be($"This sale needs 3,000 points of premium but only 1,000 remain in the budget of '{SalesTestData.Code}'.");
        (await _host.WalletAsync(second)).Should().Be(0);
        (await _host.SalesAsync()).PremiumCommitted.Should().Be(6_000);
        (await _host.WithDbAsync(db => db.Programs.Select(p => p.UnitsSold).FirstAsync())).Should().Be(2);
    }

    [Fact]
    public async Task LotteryWinner_PaidAtTheCounter_GetsTheProgramsPointsAndVerifyHolds()
    {
        await _host.SalesProgramAsync(AllocationRule.Lottery, totalUnits: 5);
        var (resident, application) = await _host.ApplyAsync(2);
        _host.CloseApplications();
        await _host.MustAsync(new RunLotteryCommand(SalesTestData.Code, "seed-for-one-winner", "test"));

        var bought = await _host.MustAsync(_host.PayAtCounter(application));

        bought.Points.Should().Be(new PurchasedPoints(12_000, 14_000));
        var purchase = await _host.WithDbAsync(db => db.Purchases.AsNoTracking().FirstAsync());
        purchase.ApplicationId.Should().Be(application.ApplicationId);
        (await _host.ApplicationAsync(application.ApplicationId)).PurchaseId.Should().Be(bought.PurchaseId, "the resident's application shows its purchase");
        purchase.Channel.Should().Be(PurchaseChannel.Counter);
        purchase.ConfirmedBy.Should().Be(IdempotencyScopes.User(LedgerTestHost.CounterStaff));
        (await _host.WalletAsync(resident)).Should().Be(26_000);
        (await _host.MustAsync(new VerifyLedgerQuery())).Ok.Should().BeTrue();
    }

    [Fact]
    public async Task Sale_ThatTakesExactlyWhatIsLeftOfThePremiumBudget_IsAccepted()
    {
        // 3,000 points of premium a unit; a budget of 6,000 covers exactly two units.
        await _host.SalesProgramAsync(AllocationRule.FirstCome, totalUnits: 100, premiumBudget: 6_000);
        var (first, second) = (await _host.RegisterVerifiedResidentAsync(), await _host.RegisterVerifiedResidentAsync());
        await _host.MustAsync(_host.CounterSale(first, SalesTestData.Code, 1));

        var last = await _host.SendAsync(_host.CounterSale(second, SalesTestData.Code, 1));
        var over = await _host.SendAsync(_host.CounterSale(second, SalesTestData.Code, 1));

        last.IsSuccess.Should().BeTrue();
        over.Error!.Type.Should().Be(ProblemTypes.PremiumBudgetExhausted);
        (await _host.SalesAsync()).PremiumCommitted.Should().Be(6_000);
    }

    [Fact]
    public async Task ConfirmPayment_InOneProgram_LeavesTheReservedUnitsOfAnotherProgramAlone()
    {
        await _host.SalesProgramAsync(AllocationRule.FirstCome, totalUnits: 10);
        await _host.CreateProgramAsync("S2", totalUnits: 10, maxPerResident: 5);
        await _host.MustAsync(new SetSalesRulesCommand("S2", AllocationRule.FirstCome, _host.Today, _host.Today.AddDays(2), 7, null));
        var (_, application) = await _host.ApplyAsync(2);
        await _host.MustAsync(new ApplyCommand(await _host.RegisterVerifiedResidentAsync(), "S2", 2)); // the same two units reserved there

        await _host.MustAsync(_host.PayAtCounter(application));

        var reserved = await _host.WithDbAsync(db => db.ProgramSales.Join(db.Programs, s => s.ProgramId, p => p.Id, (s, p) => new { p.Code, s.UnitsReserved })
            .ToDictionaryAsync(x => x.Code, x => x.UnitsReserved));
        reserved.Should().Equal(new Dictionary<string, int> { [SalesTestData.Code] = 0, ["S2"] = 2 });
    }
}
