using System.Net;
using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Dashboard.GetCityDashboard;
using Tsuyama.LocalCurrency.Features.Integrity.CheckLedger;
using Tsuyama.LocalCurrency.Features.Integrity.GetLedgerStatus;
using Tsuyama.LocalCurrency.Features.Integrity.Seal;
using Tsuyama.LocalCurrency.Features.Programs;
using Tsuyama.LocalCurrency.Features.Programs.CloseProgramSales;
using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;
using Tsuyama.LocalCurrency.Features.Programs.EditProgram;
using Tsuyama.LocalCurrency.Features.Programs.GetProgram;
using Tsuyama.LocalCurrency.Features.Programs.ListPrograms;
using Tsuyama.LocalCurrency.Features.Settlements.ListSettlements;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests.City;

/// <summary>The use cases behind the city office's console pages, in the real host over a real SQLite file.</summary>
public sealed class CityUseCaseTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    private DateOnly Today => JapanTime.Today(factory.Clock);

    private async Task<Result<T>> SendAsync<T>(IRequest<Result<T>> request, ClaimsPrincipal? user = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = user is null ? null : new DefaultHttpContext { User = user };
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private async Task<T> MustAsync<T>(IRequest<Result<T>> request, ClaimsPrincipal? user = null)
    {
        var result = await SendAsync(request, user);
        result.IsSuccess.Should().BeTrue(result.Error?.Detail);
        return result.Value!;
    }

    private static ClaimsPrincipal Staff(string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Name, $"{role}@test.example"), new Claim(ClaimTypes.Role, role)],
        "test"));

    private CreateProgramCommand Program(string code, int startsInDays) => new(code, "津山プレミアム商品券", 10_000, new PointsPerUnit(6_000, 7_000), 1_000, 5,
        Today.AddDays(startsInDays), Today.AddDays(startsInDays + 30), Today.AddDays(startsInDays + 200), 150, true, 50);

    private static EditProgramCommand EditOf(CreateProgramCommand c) => new(c.Code, c.Name, c.UnitPriceYen, c.PointsPerUnit, c.TotalUnits,
        c.MaxUnitsPerResident, c.SalesFrom, c.SalesUntil, c.ExpiresOn, c.RedemptionFeeBasisPoints, c.AllowMerchantTransfers, c.MerchantTransferFeeBasisPoints,
        c.RefundWindowDays, c.RefundGraceDays);

    private static string Code() => $"C{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task EditProgram_BeforeSalesOpen_ChangesTheTerms_AndGetProgramShowsThem()
    {
        var create = Program(Code(), startsInDays: 7);
        (await SendAsync(create)).IsSuccess.Should().BeTrue();

        var edited = await SendAsync(EditOf(create) with
        {
            Name = "津山にぎわい商品券", UnitPriceYen = 5_000, PointsPerUnit = new PointsPerUnit(3_000, 3_500), SalesFrom = Today.AddDays(10),
            RedemptionFeeBasisPoints = 100, RefundWindowDays = 14,
        });

        edited.IsSuccess.Should().BeTrue(edited.Error?.Detail);
        var detail = (await MustAsync(new GetProgramQuery(create.Code)));
        detail.Should().BeEquivalentTo(new
        {
            Name = "津山にぎわい商品券", UnitPriceYen = 5_000L, GeneralPointsPerUnit = 3_000L, SmallBusinessPointsPerUnit = 3_500L, SalesFrom = Today.AddDays(10),
            RedemptionFeeBasisPoints = 100, RefundWindowDays = (int?)14, Status = ProgramStatus.Scheduled, Editable = true, CanCloseSales = false,
        });
        (await MustAsync(new ListProgramsQuery())).Should().Contain(p => p.Code == create.Code && p.Name == "津山にぎわい商品券");
    }

    [Fact]
    public async Task EditProgram_OnceSalesOpened_ReturnsSalesAlreadyOpen_AndChangesNothing()
    {
        var code = await _api.CreateProgramAsync();
        var before = (await MustAsync(new GetProgramQuery(code)));

        var edited = await SendAsync(new EditProgramCommand(code, "別の名前", 10_000, new PointsPerUnit(6_000, 7_000), 100_000, 10,
            before.SalesFrom, before.SalesUntil, before.ExpiresOn, 150, true, 50));

        edited.Error!.Type.Should().Be(ProblemTypes.SalesAlreadyOpen);
        var after = (await MustAsync(new GetProgramQuery(code)));
        after.Name.Should().Be(before.Name);
        after.Editable.Should().BeFalse();
        after.EditRefusal.Should().NotBeNull();
    }

    [Fact]
    public async Task EditProgram_FirstSalesDayMovedIntoThePast_IsAValidationErrorOnSalesFrom()
    {
        var create = Program(Code(), startsInDays: 3);
        (await SendAsync(create)).IsSuccess.Should().BeTrue();

        var edited = await SendAsync(EditOf(create) with { SalesFrom = Today.AddDays(-1) });

        edited.Error!.Fields.Should().ContainKey("salesFrom");
    }

    [Fact]
    public async Task EditProgram_WithTermsTheCreateRuleRefuses_ReturnsTheSameFieldErrors()
    {
        var create = Program(Code(), startsInDays: 3);
        (await SendAsync(create)).IsSuccess.Should().BeTrue();

        var edited = await SendAsync(EditOf(create) with { Name = "", SalesUntil = create.SalesFrom.AddDays(-1), MaxUnitsPerResident = 0 });

        edited.Error!.Fields!.Keys.Should().BeEquivalentTo("name", "salesUntil", "maxUnitsPerResident");
    }

    [Fact]
    public async Task CloseProgramSales_OnSale_MakesTodayTheLastSalesDay()
    {
        var code = await _api.CreateProgramAsync();

        var closed = await MustAsync(new CloseProgramSalesCommand(code));

        closed.SalesUntil.Should().Be(Today);
        var detail = (await MustAsync(new GetProgramQuery(code)));
        detail.SalesUntil.Should().Be(Today);
        detail.CanCloseSales.Should().BeFalse("today is already the last sales day");
        (await SendAsync(new CloseProgramSalesCommand(code))).Error!.Type.Should().Be(ProblemTypes.SalesClosed);
    }

    [Fact]
    public async Task CloseProgramSales_BeforeSalesOpen_ReturnsSalesClosed()
    {
        var create = Program(Code(), startsInDays: 5);
        (await SendAsync(create)).IsSuccess.Should().BeTrue();

        var closed = await SendAsync(new CloseProgramSalesCommand(create.Code));

        closed.Error!.Type.Should().Be(ProblemTypes.SalesClosed);
        (await MustAsync(new GetProgramQuery(create.Code))).SalesUntil.Should().Be(create.SalesUntil);
    }

    [Fact]
    public async Task AdminOnlyUseCases_FromACounterUser_AreRefusedByTheUseCaseItself()
    {
        var counter = Staff(Roles.Counter);
        var create = Program(Code(), startsInDays: 5);

        (await SendAsync(create, counter)).Error!.Type.Should().Be(ProblemTypes.Forbidden);
        (await SendAsync(create, Staff(Roles.Admin))).IsSuccess.Should().BeTrue();
        (await SendAsync(EditOf(create) with { Name = "x" }, counter)).Error!.Type.Should().Be(ProblemTypes.Forbidden);
        (await SendAsync(new CloseProgramSalesCommand(create.Code), counter)).Error!.Type.Should().Be(ProblemTypes.Forbidden);
        (await SendAsync(new RunSettlementCommand(Today.AddDays(-1), "user:counter"), counter)).Error!.Type.Should().Be(ProblemTypes.Forbidden);
        (await SendAsync(new ListSettlementsQuery(), counter)).Error!.Type.Should().Be(ProblemTypes.Forbidden);
        (await SendAsync(new CheckLedgerCommand("counter@test.example"), counter)).Error!.Type.Should().Be(ProblemTypes.Forbidden);
        (await SendAsync(new GetLedgerStatusQuery(), counter)).Error!.Type.Should().Be(ProblemTypes.Forbidden);
        (await SendAsync(new GetCityDashboardQuery(), counter)).IsSuccess.Should().BeTrue("Counter staff see the dashboard");
        (await SendAsync(new GetCityDashboardQuery(), Staff(Roles.Chamber))).Error!.Type.Should().Be(ProblemTypes.Forbidden);
        (await MustAsync(new GetProgramQuery(create.Code))).Name.Should().Be(create.Name, "the refused edit changed nothing");
    }

    [Fact]
    public async Task CheckLedger_KeepsTheOutcome_AndLedgerStatusShowsItWithTheNewestSealBlock()
    {
        var code = await _api.CreateProgramAsync();
        await _api.BuyAsync(await _api.ResidentAsync(), code);
        (await MustAsync(new SealLedgerCommand(TimeSpan.Zero))).BlocksAdded.Should().BePositive();

        var check = await MustAsync(new CheckLedgerCommand("admin@test.example"), Staff(Roles.Admin));

        check.Ok.Should().BeTrue(string.Join("; ", check.Problems));
        check.Transfers.Should().BePositive();
        var status = (await MustAsync(new GetLedgerStatusQuery()));
        status.LastCheck.Should().BeEquivalentTo(check);
        status.LastBlock.Should().NotBeNull();
        status.LastBlock!.Hash.Should().HaveLength(64);
        status.Transfers.Should().BeGreaterThanOrEqualTo(status.LastBlock.LastSequence);
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == nameof(RecordLedgerCheckCommand))))
            .Should().BePositive("the staff member who ran the check is in the audit log");
    }

    [Fact]
    public async Task CityDashboard_OnItsOwnLedger_CountsIssuedOutstandingRedeemedPremiumAndPayments()
    {
        await using var own = new ApiFactory();
        var api = new Api(own);
        var code = await api.CreateProgramAsync();
        var resident = await api.ResidentAsync();
        var shop = await api.MerchantAsync();
        var held = await api.MerchantAsync();
        await api.BuyAsync(resident, code, units: 2);
        foreach (var (merchant, amount) in new[] { (shop.Id, 5_000L), (held.Id, 1_000L) })
        {
            var paid = await api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await api.StoreQrAsync(merchant), amount });
            paid.StatusCode.Should().Be(HttpStatusCode.Created, await paid.Content.ReadAsStringAsync());
        }

        // A holder name the bank file cannot carry, as an old registration might hold: the settlement holds the shop back.
        var corrupt = $"UPDATE Merchants SET Payout_HolderKana = '山田太郎' WHERE Id = '{held.Id.ToString().ToUpperInvariant()}'";
        await own.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(corrupt));
        var today = JapanTime.Today(own.Clock);
        own.Clock.SetUtcNow(new DateTimeOffset(JapanTime.EndOfDayUtc(today), TimeSpan.Zero).AddHours(1));
        await using var scope = own.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var settled = await mediator.Send(new RunSettlementCommand(today, "test:operator"));
        settled.IsSuccess.Should().BeTrue(settled.Error?.Detail);

        var dashboard = (await mediator.Send(new GetCityDashboardQuery())).Value!;

        var figures = dashboard.Programs.Should().ContainSingle(p => p.Code == code).Subject;
        var general = figures.Kinds.Single(k => k.Kind == PointKind.General);
        var smallBusiness = figures.Kinds.Single(k => k.Kind == PointKind.SmallBusiness);
        (general.Issued, smallBusiness.Issued).Should().Be((12_000L, 14_000L));
        dashboard.Issued.Should().Be(26_000);
        dashboard.Redeemed.Should().Be(5_000, "the shop with good payout details was settled");
        dashboard.Outstanding.Should().Be(21_000, "the resident's 20,000 and the held-back shop's 1,000");
        dashboard.Expired.Should().Be(0);
        figures.PremiumUsed.Should().Be(6_000, "26,000 points for ¥20,000");
        figures.PremiumBudget.Should().BeNull();
        dashboard.PaymentsToday.Count.Should().Be(0, "the clock moved to the next day");
        dashboard.ActiveResidents.Should().Be(1);
        dashboard.ActiveShops.Should().Be(2);
        dashboard.Shops.Should().Be(2);
        dashboard.Daily.Should().HaveCount(30);
        dashboard.Daily[^2].Should().BeEquivalentTo(new DailyFigures(today, 2, 6_000, 26_000));
        dashboard.Daily[^1].OutstandingAtEnd.Should().Be(21_000);
        dashboard.Daily[0].OutstandingAtEnd.Should().Be(0, "nothing was issued a month ago");

        var list = (await mediator.Send(new ListSettlementsQuery())).Value!;
        var heldBack = list.Items.Should().ContainSingle().Subject.HeldBack.Should().ContainSingle().Subject;
        heldBack.Should().BeEquivalentTo(new { MerchantId = held.Id, Name = "城下町ベーカリー", Points = 1_000L });
        heldBack.Reason.Should().NotBeNullOrWhiteSpace();
        list.EarliestNextCutoff.Should().Be(today.AddDays(1));
    }
}
