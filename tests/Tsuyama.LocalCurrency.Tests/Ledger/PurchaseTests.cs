using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Features.Sales.RecordCounterSale;
using Tsuyama.LocalCurrency.Features.Wallets.GetWallet;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

public sealed class PurchaseTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private RecordCounterSaleCommand Buy(Guid resident, int units, string program = "P1") => _host.CounterSale(resident, program, units);

    [Fact]
    public async Task Purchase_IssuesLotsPerKindWithTheProgramExpiryAndChargesThePremiumToTheIssuer()
    {
        var program = await _host.CreateProgramAsync();
        var resident = await _host.RegisterVerifiedResidentAsync();

        var bought = await _host.MustAsync(Buy(resident, 2));

        bought.PaidYen.Should().Be(20_000);
        bought.Points.Should().Be(new PurchasedPoints(12_000, 14_000));
        var wallet = await _host.MustAsync(new GetWalletQuery(resident));
        wallet.Total.Should().Be(26_000);
        wallet.Lots.Should().OnlyContain(l => l.ExpiresOn == _host.Today.AddDays(180));
        var issuer = await _host.WithDbAsync(db => db.Programs.Where(p => p.Id == program.ProgramId).Select(p => p.IssuerAccountId).FirstAsync());
        (await _host.BalanceAsync(issuer)).Should().Be(-26_000);
    }

    [Fact]
    public async Task Purchase_WhenUnitsOnSaleRunOut_ReturnsLimitExceededAndIssuesNothing()
    {
        await _host.CreateProgramAsync(totalUnits: 3, maxPerResident: 3);
        var first = await _host.RegisterVerifiedResidentAsync();
        var second = await _host.RegisterVerifiedResidentAsync();
        await _host.MustAsync(Buy(first, 2));

        var result = await _host.SendAsync(Buy(second, 2));

        result.Error!.Type.Should().Be(ProblemTypes.LimitExceeded);
        result.Error.Detail.Should().Be("Only 1 units of 'P1' are left for sale.");
        (await _host.BalanceAsync(second)).Should().Be(0);
        (await _host.WithDbAsync(db => db.Programs.Select(p => p.UnitsSold).FirstAsync())).Should().Be(2);
        (await _host.SendAsync(Buy(second, 1))).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task Purchase_WhenThePersonalLimitIsReached_ReturnsLimitExceededAndIssuesNothing()
    {
        await _host.CreateProgramAsync(maxPerResident: 3);
        var resident = await _host.RegisterVerifiedResidentAsync();
        await _host.MustAsync(Buy(resident, 2));

        var result = await _host.SendAsync(Buy(resident, 2));

        result.Error!.Type.Should().Be(ProblemTypes.LimitExceeded);
        (await _host.BalanceAsync(resident)).Should().Be(26_000);
        (await _host.WithDbAsync(db => db.Programs.Select(p => p.UnitsSold).FirstAsync())).Should().Be(2);
    }

    [Fact]
    public async Task Purchase_FirstPurchaseAboveThePersonalLimit_ReturnsLimitExceeded()
    {
        await _host.CreateProgramAsync(maxPerResident: 3);
        var resident = await _host.RegisterVerifiedResidentAsync();

        var result = await _host.SendAsync(Buy(resident, 4));

        result.Error!.Type.Should().Be(ProblemTypes.LimitExceeded);
        (await _host.WithDbAsync(db => db.Programs.Select(p => p.UnitsSold).FirstAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Purchase_OutsideTheSalesWindow_ReturnsSalesClosed()
    {
        await _host.CreateProgramAsync(salesFrom: _host.Today.AddDays(1), salesUntil: _host.Today.AddDays(5));
        var resident = await _host.RegisterVerifiedResidentAsync();

        var result = await _host.SendAsync(Buy(resident, 1));

        result.Error!.Type.Should().Be(ProblemTypes.SalesClosed);
        (await _host.BalanceAsync(resident)).Should().Be(0);
    }

    [Fact]
    public async Task Purchase_UpToThePersonalLimitInTwoSales_IsAcceptedAndTheNextRefusalSaysWhatWasBought()
    {
        await _host.CreateProgramAsync(maxPerResident: 3);
        var resident = await _host.RegisterVerifiedResidentAsync();
        await _host.MustAsync(Buy(resident, 1));

        var upToTheLimit = await _host.SendAsync(Buy(resident, 2));
        var over = await _host.SendAsync(Buy(resident, 1));

        upToTheLimit.IsSuccess.Should().BeTrue("1 + 2 units is exactly the limit of 3");
        over.Error!.Type.Should().Be(ProblemTypes.LimitExceeded);
        over.Error.Detail.Should().Be("Each resident may buy at most 3 units of 'P1'; already bought 3.");
        (await _host.BalanceAsync(resident)).Should().Be(39_000);
    }

    [Fact]
    public async Task Purchase_ByOneResident_LeavesAnotherResidentsPersonalLimitAlone()
    {
        await _host.CreateProgramAsync(maxPerResident: 2);
        var (buyer, other) = (await _host.RegisterVerifiedResidentAsync(), await _host.RegisterVerifiedResidentAsync());
        await _host.MustAsync(Buy(buyer, 1));
        await _host.MustAsync(Buy(other, 1));

        await _host.MustAsync(Buy(buyer, 1));

        (await _host.SendAsync(Buy(other, 1))).IsSuccess.Should().BeTrue("the other resident has bought one unit of two");
        var bought = await _host.UnitsBoughtAsync();
        bought.Should().Equal(new Dictionary<Guid, int> { [buyer] = 2, [other] = 2 });
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    public async Task Purchase_OnTheFirstOrLastDayOfTheSalesWindowJst_IsAccepted(int fromDaysAfterToday, int untilDaysAfterToday)
    {
        await _host.CreateProgramAsync(salesFrom: _host.Today.AddDays(fromDaysAfterToday), salesUntil: _host.Today.AddDays(untilDaysAfterToday));
        var resident = await _host.RegisterVerifiedResidentAsync();

        var result = await _host.SendAsync(Buy(resident, 1));

        result.IsSuccess.Should().BeTrue();
        (await _host.BalanceAsync(resident)).Should().Be(13_000);
    }

    [Fact]
    public async Task Purchase_TheDayAfterTheSalesWindowJst_ReturnsSalesClosed()
    {
        await _host.CreateProgramAsync(salesFrom: _host.Today.AddDays(-5), salesUntil: _host.Today.AddDays(-1));
        var resident = await _host.RegisterVerifiedResidentAsync();

        var result = await _host.SendAsync(Buy(resident, 1));

        result.Error!.Type.Should().Be(ProblemTypes.SalesClosed);
        (await _host.BalanceAsync(resident)).Should().Be(0);
    }

    [Fact]
    public async Task Purchase_ForUnknownProgram_ReturnsNotFound()
    {
        var resident = await _host.RegisterVerifiedResidentAsync();

        var result = await _host.SendAsync(Buy(resident, 1, "NOPE"));

        result.Error!.Status.Should().Be(404);
    }
}
