using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

/// <summary>
/// Each kind of damage verify looks for, done by hand to an unsealed ledger (so the seal checks do not
/// mask the one under test). Some need the database's own constraints switched off first: verify is
/// also meant for a copy restored or edited outside the application.
/// </summary>
public sealed class VerifyDamageTests : IAsyncLifetime
{
    private const string NoChecks = "PRAGMA ignore_check_constraints = 1; ";
    private const string NoForeignKeys = "PRAGMA foreign_keys = 0; ";

    private LedgerTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync();
        await _host.CreateProgramAsync();
        var shop = await _host.RegisterMerchantAsync();
        for (var i = 0; i < 2; i++)
        {
            var resident = await _host.RegisterResidentAsync();
            await _host.BuyAsync(resident);
            await _host.MustAsync(new PayCommand(resident, shop, 2_500, PaymentChannel.StoreQr, $"resident:{resident}", _host.NextKey()));
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<VerifyReport> VerifyAsync() => _host.MustAsync(new VerifyLedgerQuery());

    [Fact]
    public async Task Verify_OnTheUntouchedLedger_ReportsNoProblem()
    {
        var report = await VerifyAsync();

        report.Ok.Should().BeTrue(because: string.Join("; ", report.Problems));
        report.Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData(NoChecks + """UPDATE "Transfers" SET "Amount" = 0 WHERE "Sequence" = (SELECT MAX("Sequence") FROM "Transfers")""",
        "moves a non-positive amount 0")]
    [InlineData(NoForeignKeys + """UPDATE "Transfers" SET "ToAccountId" = '00000000-0000-0000-0000-000000000001' WHERE "Sequence" = 1""",
        "names an account that does not exist")]
    [InlineData(NoForeignKeys + """UPDATE "Transfers" SET "FromAccountId" = '00000000-0000-0000-0000-000000000001' WHERE "Sequence" = 1""",
        "names an account that does not exist")]
    [InlineData("""UPDATE "Balances" SET "Amount" = -1 WHERE "AccountId" IN (SELECT "Id" FROM "Accounts" WHERE "Type" = 2)""",
        "(Merchant) has a negative balance -1")]
    [InlineData("""DELETE FROM "Balances" WHERE "AccountId" IN (SELECT "Id" FROM "Accounts" WHERE "Type" = 2)""",
        "but no balance row")]
    [InlineData("""DELETE FROM "Balances" WHERE "AccountId" = (SELECT MIN("ResidentId") FROM "Lots") AND "Kind" = 0""",
        "but no balance.")]
    [InlineData(NoChecks + """UPDATE "Lots" SET "Remaining" = "OriginalAmount" + 1 WHERE "Id" = (SELECT MIN("Id") FROM "Lots")""",
        "remaining amount outside 0..its original amount")]
    [InlineData(NoChecks + """UPDATE "Lots" SET "Remaining" = -1 WHERE "Id" = (SELECT MIN("Id") FROM "Lots")""",
        "remaining amount outside 0..its original amount")]
    [InlineData(NoForeignKeys + """UPDATE "Purchases" SET "Id" = '00000000-0000-0000-0000-0000000000aa' WHERE "Id" = (SELECT MIN("Id") FROM "Purchases")""",
        "points has no issue transfers")]
    [InlineData("""UPDATE "Purchases" SET "CancelledAt" = '2026-04-10 04:00:00' WHERE "Id" = (SELECT MIN("Id") FROM "Purchases")""",
        "(cancelled) has 0 points reversed, expected 13000")]
    [InlineData("""UPDATE "Transfers" SET "Type" = 7 WHERE "Sequence" = (SELECT MAX("Sequence") FROM "Transfers" WHERE "Type" = 1)""",
        "which is not a purchase")]
    public async Task Verify_AfterDamageByHand_ReportsIt(string sql, string expected)
    {
        await _host.ExecuteSqlAsync(sql);

        var report = await VerifyAsync();

        report.Ok.Should().BeFalse();
        report.Problems.Should().Contain(p => p.Contains(expected, StringComparison.Ordinal), because: string.Join("; ", report.Problems));
    }

    [Fact]
    public async Task Verify_WhenAnIssuerBalanceIsNegative_DoesNotCallThatAProblem()
    {
        // The issuer's balance is minus the points outstanding: negative is its normal state.
        (await _host.WithDbAsync(db => Task.FromResult(db.Balances.Count(b => b.Amount < 0)))).Should().BePositive();

        (await VerifyAsync()).Problems.Should().NotContain(p => p.Contains("negative balance", StringComparison.Ordinal));
    }
}
