using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Grants.CreateGrantBudget;
using Tsuyama.LocalCurrency.Features.Grants.GrantFromCsv;
using Tsuyama.LocalCurrency.Features.Grants.GrantPoints;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Residents.RegisterResident;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Features.Wallets.GetWallet;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Sales;

public sealed class GrantTests : IAsyncLifetime
{
    private const string Budget = "HEALTH-2026";
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<GrantBudgetView> BudgetAsync(long total = 10_000) =>
        _host.MustAsync(new CreateGrantBudgetCommand(Budget, "健康ポイント 2026", total, _host.Today.AddDays(90), 0));

    private GrantPointsCommand Grant(string resident, long points, string key, string reason = "健診受診") => new(Budget, resident, points, reason, key,
        "user:admin");

    private async Task<(Guid Id, string Email)> ResidentAsync()
    {
        var email = $"r{Guid.NewGuid():N}@example.jp";
        return ((await _host.MustAsync(new RegisterResidentCommand(email, null, "住民"))).ResidentId, email);
    }

    [Fact]
    public async Task Grant_IssuesGeneralPointsOfTheGrantProgramWithItsOwnExpiry_SpendableLikeAnyOther()
    {
        var budget = await BudgetAsync();
        var (resident, email) = await ResidentAsync();
        var shop = await _host.RegisterMerchantAsync(MerchantSize.Large);

        var granted = await _host.MustAsync(Grant(email, 1_500, "row-1"));
        await _host.MustAsync(new PayCommand(resident, shop, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), _host.NextKey()));

        granted.ExpiresOn.Should().Be(_host.Today.AddDays(90));
        granted.BudgetRemaining.Should().Be(8_500);
        var lot = await _host.WithDbAsync(db => db.Lots.AsNoTracking().SingleAsync());
        (lot.ProgramId, lot.Kind, lot.Source, lot.ExpiresOn).Should().Be((budget.ProgramId, PointKind.General, LotSource.Grant, _host.Today.AddDays(90)));
        (await _host.MustAsync(new GetWalletQuery(resident))).Total.Should().Be(500);
        (await _host.MustAsync(new VerifyLedgerQuery())).Ok.Should().BeTrue();
    }

    [Fact]
    public async Task Grant_SameRowKeyAgain_GrantsNothingTwice_AndAnotherGrantUnderTheKeyIsAConflict()
    {
        await BudgetAsync();
        var (resident, _) = await ResidentAsync();
        await _host.MustAsync(Grant(resident.ToString(), 1_000, "row-1"));

        var again = await _host.MustAsync(Grant(resident.ToString(), 1_000, "row-1"));
        var other = await _host.SendAsync(Grant(resident.ToString(), 2_000, "row-1"));

        again.AlreadyGranted.Should().BeTrue();
        other.Error!.Type.Should().Be(ProblemTypes.IdempotencyConflict);
        (await _host.MustAsync(new GetWalletQuery(resident))).Total.Should().Be(1_000);
    }

    [Fact]
    public async Task Grant_MoreThanTheBudgetHolds_IsRefusedAndTheBudgetNeverGoesBelowZero()
    {
        await BudgetAsync(total: 1_000);
        var (resident, _) = await ResidentAsync();
        await _host.MustAsync(Grant(resident.ToString(), 700, "row-1"));

        var over = await _host.SendAsync(Grant(resident.ToString(), 301, "row-2"));
        var exact = await _host.MustAsync(Grant(resident.ToString(), 300, "row-3"));

        over.Error!.Type.Should().Be(ProblemTypes.GrantBudgetExhausted);
        exact.BudgetRemaining.Should().Be(0);
        (await _host.WithDbAsync(db => db.GrantBudgets.Select(b => b.RemainingPoints).FirstAsync())).Should().Be(0);
        (await _host.MustAsync(new GetWalletQuery(resident))).Total.Should().Be(1_000);
    }

    [Fact]
    public async Task GrantFromCsv_WithGoodMalformedDuplicateAndUnknownRows_GrantsTheGoodOnesAndReportsEveryRow()
    {
        await BudgetAsync(total: 5_000);
        var (first, firstEmail) = await ResidentAsync();
        var (second, _) = await ResidentAsync();
        var csv = string.Join("\r\n",
            "resident,points,reason,key",
            $"{firstEmail},1000,健診受診,k1",
            $"{second},500,\"ボランティア, 清掃\",k2",
            $"{firstEmail},abc,健診受診,k3",
            $"{firstEmail},100,too,many,fields",
            $"{second},200,重複,k1",
            "nobody@example.jp,100,健診受診,k4",
            $"{second},9000,予算超過,k5",
            "");

        var report = await _host.MustAsync(new GrantFromCsvCommand(Budget, csv, "user:admin"));

        report.Rows.Select(r => (r.Line, r.Outcome)).Should().Equal(
            (2, GrantRowOutcome.Granted), (3, GrantRowOutcome.Granted), (4, GrantRowOutcome.Refused), (5, GrantRowOutcome.Refused),
            (6, GrantRowOutcome.Refused), (7, GrantRowOutcome.Refused), (8, GrantRowOutcome.Refused));
        report.Rows[2].Reason.Should().Contain("abc");
        report.Rows[3].Reason.Should().Contain("4 fields");
        report.Rows[4].Reason.Should().Contain("line 2");
        report.Rows[5].Reason.Should().Contain("nobody@example.jp");
        report.Rows[6].Reason.Should().Contain("3500 points left");
        (report.Granted, report.Refused, report.PointsGranted).Should().Be((2, 5, 1_500));
        (await _host.MustAsync(new GetWalletQuery(first))).Total.Should().Be(1_000);
        (await _host.MustAsync(new GetWalletQuery(second))).Total.Should().Be(500);
        (await _host.WithDbAsync(db => db.GrantBudgets.Select(b => b.RemainingPoints).FirstAsync())).Should().Be(3_500);

        var reupload = await _host.MustAsync(new GrantFromCsvCommand(Budget, csv, "user:admin"));

        (reupload.Granted, reupload.AlreadyGranted).Should().Be((0, 2));
        (await _host.WithDbAsync(db => db.Grants.CountAsync())).Should().Be(2);
        (await _host.MustAsync(new VerifyLedgerQuery())).Ok.Should().BeTrue();
    }

    [Fact]
    public async Task GrantFromCsv_WithoutTheHeader_IsAValidationError()
    {
        await BudgetAsync();

        var result = await _host.SendAsync(new GrantFromCsvCommand(Budget, "someone@example.jp,100,x,k1", "user:admin"));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
    }
}
