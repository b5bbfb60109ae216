using Tsuyama.LocalCurrency.Features.Grants.CreateGrantBudget;
using Tsuyama.LocalCurrency.Features.Grants.GrantPoints;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Sales;

/// <summary>verify's issuance check: issued points = confirmed purchases + grants.</summary>
public sealed class IssuanceVerifyTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task SeedAsync()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterVerifiedResidentAsync();
        await _host.BuyAsync(resident, units: 2);
        await _host.MustAsync(new CreateGrantBudgetCommand("G1", "健康ポイント", 5_000, _host.Today.AddDays(30), 0));
        await _host.MustAsync(new GrantPointsCommand("G1", resident.ToString(), 800, "健診", "k1", "user:admin"));
    }

    [Fact]
    public async Task Verify_WithPurchasesAndGrants_Holds()
    {
        await SeedAsync();

        (await _host.MustAsync(new VerifyLedgerQuery())).Ok.Should().BeTrue();
    }

    [Fact]
    public async Task Verify_WhenIssuedPointsHaveNoConfirmedPurchase_ReportsTheIssuance()
    {
        await SeedAsync();
        await _host.ExecuteSqlAsync("DELETE FROM Purchases");

        var report = await _host.MustAsync(new VerifyLedgerQuery());

        report.Ok.Should().BeFalse();
        report.Problems.Should().Contain(p => p.Contains("neither a confirmed purchase nor a grant", StringComparison.Ordinal));
        report.Problems.Should().Contain(p => p.Contains("confirmed purchases and grants come to 800", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_WhenAGrantRecordsMorePointsThanWereIssued_ReportsTheIssuance()
    {
        await SeedAsync();
        await _host.ExecuteSqlAsync("UPDATE Grants SET Points = Points + 1");

        var report = await _host.MustAsync(new VerifyLedgerQuery());

        report.Ok.Should().BeFalse();
        report.Problems.Should().Contain(p => p.Contains("issued 800 points but its purchase or grant is for 801", StringComparison.Ordinal));
    }
}
