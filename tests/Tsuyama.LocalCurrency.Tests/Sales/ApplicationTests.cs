using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Features.Sales.Apply;
using Tsuyama.LocalCurrency.Features.Sales.ChangeApplication;
using Tsuyama.LocalCurrency.Features.Sales.GetMyApplications;
using Tsuyama.LocalCurrency.Features.Sales.WithdrawApplication;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Sales;

public sealed class ApplicationTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Apply_AboveThePersonalLimit_ReturnsLimitExceededAndStoresNothing()
    {
        await _host.SalesProgramAsync(AllocationRule.Lottery, totalUnits: 100, maxPerResident: 3);
        var resident = await _host.RegisterResidentAsync();

        var result = await _host.SendAsync(new ApplyCommand(resident, SalesTestData.Code, 4));

        result.Error!.Type.Should().Be(ProblemTypes.LimitExceeded);
        (await _host.WithDbAsync(db => db.SalesApplications.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Apply_TwiceToOneProgram_ReturnsConflict()
    {
        await _host.SalesProgramAsync(AllocationRule.Lottery, totalUnits: 100);
        var (resident, _) = await _host.ApplyAsync(2);

        var again = await _host.SendAsync(new ApplyCommand(resident, SalesTestData.Code, 1));

        again.Error!.Type.Should().Be(ProblemTypes.Conflict);
    }

    [Fact]
    public async Task Apply_OutsideTheApplicationWindow_ReturnsApplicationsClosed()
    {
        await _host.SalesProgramAsync(AllocationRule.Lottery, totalUnits: 100);
        var resident = await _host.RegisterResidentAsync();
        _host.CloseApplications();

        var result = await _host.SendAsync(new ApplyCommand(resident, SalesTestData.Code, 1));

        result.Error!.Type.Should().Be(ProblemTypes.ApplicationsClosed);
    }

    [Fact]
    public async Task Apply_ToAProgramWithoutSalesRules_ReturnsApplicationsClosed()
    {
        await _host.CreateProgramAsync("P1");
        var resident = await _host.RegisterResidentAsync();

        var result = await _host.SendAsync(new ApplyCommand(resident, "P1", 1));

        result.Error!.Type.Should().Be(ProblemTypes.ApplicationsClosed);
    }

    [Fact]
    public async Task ChangeAndWithdraw_WhileTheWindowIsOpen_UpdateTheApplicationAndNeverTouchTheLedger()
    {
        await _host.SalesProgramAsync(AllocationRule.Lottery, totalUnits: 100, maxPerResident: 3);
        var (resident, application) = await _host.ApplyAsync(1);

        var changed = await _host.MustAsync(new ChangeApplicationCommand(resident, application.ApplicationId, 3));
        var tooMany = await _host.SendAsync(new ChangeApplicationCommand(resident, application.ApplicationId, 4));
        var withdrawn = await _host.MustAsync(new WithdrawApplicationCommand(resident, application.ApplicationId));
        var reapplied = await _host.MustAsync(new ApplyCommand(resident, SalesTestData.Code, 2));

        changed.Units.Should().Be(3);
        tooMany.Error!.Type.Should().Be(ProblemTypes.LimitExceeded);
        withdrawn.Status.Should().Be(ApplicationStatus.Withdrawn);
        reapplied.ApplicationId.Should().Be(application.ApplicationId);
        reapplied.Status.Should().Be(ApplicationStatus.Pending);
        (await _host.MustAsync(new GetMyApplicationsQuery(resident))).Should().ContainSingle().Which.Units.Should().Be(2);
        (await _host.TransferCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Change_AfterTheWindowClosed_ReturnsApplicationsClosed()
    {
        await _host.SalesProgramAsync(AllocationRule.Lottery, totalUnits: 100);
        var (resident, application) = await _host.ApplyAsync(1);
        _host.CloseApplications();

        var result = await _host.SendAsync(new ChangeApplicationCommand(resident, application.ApplicationId, 2));

        result.Error!.Type.Should().Be(ProblemTypes.ApplicationsClosed);
    }

    [Fact]
    public async Task Change_OfSomeoneElsesApplication_ReturnsNotFound()
    {
        await _host.SalesProgramAsync(AllocationRule.Lottery, totalUnits: 100);
        var (_, application) = await _host.ApplyAsync(1);
        var other = await _host.RegisterResidentAsync();

        var result = await _host.SendAsync(new ChangeApplicationCommand(other, application.ApplicationId, 2));

        result.Error!.Status.Should().Be(404);
    }

    [Fact]
    public async Task FirstCome_AllocatesInArrivalOrderWhileUnitsLastAndTheRestWait()
    {
        await _host.SalesProgramAsync(AllocationRule.FirstCome, totalUnits: 5);

        var (_, first) = await _host.ApplyAsync(3);
        var (_, second) = await _host.ApplyAsync(3);
        var (_, third) = await _host.ApplyAsync(2);

        first.Status.Should().Be(ApplicationStatus.Won);
        first.PayBy.Should().Be(_host.Today.AddDays(7));
        second.Status.Should().Be(ApplicationStatus.Waiting);
        third.Status.Should().Be(ApplicationStatus.Won, "whole applications only: a later, smaller one fits the 2 units left");
        (await _host.SalesAsync()).UnitsReserved.Should().Be(5);
    }

    [Fact]
    public async Task FirstCome_ShrinkingAnAllocatedApplication_GivesTheFreedUnitsToTheWaitingList()
    {
        await _host.SalesProgramAsync(AllocationRule.FirstCome, totalUnits: 4);
        var (resident, first) = await _host.ApplyAsync(4);
        var (_, waiting) = await _host.ApplyAsync(2);

        await _host.MustAsync(new ChangeApplicationCommand(resident, first.ApplicationId, 2));

        (await _host.ApplicationAsync(waiting.ApplicationId)).Status.Should().Be(ApplicationStatus.Won);
        (await _host.SalesAsync()).UnitsReserved.Should().Be(4);
    }
}
