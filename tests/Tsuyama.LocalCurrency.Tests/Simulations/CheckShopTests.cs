using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Simulations.CheckShop;
using Tsuyama.LocalCurrency.Simulation.ShopCheck;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Simulations;

/// <summary>The shop self-check's inputs as every caller sends them: the re-spend shares are optional, the use case fills them in.</summary>
public sealed class CheckShopTests
{
    private static CheckShopQuery Check(long? sales = 1_000_000, double? supplierShare = 0.4, long? wages = 200_000,
        double? supplierRespend = null, double? staffSpend = null) =>
        new(sales, supplierShare, wages, supplierRespend, staffSpend, null, LedgerTestHost.Start);

    [Fact]
    public async Task CheckShop_WithoutTheRespendShares_AppliesTheSelfCheckDefaults()
    {
        await using var host = await LedgerTestHost.CreateAsync();

        var view = await host.MustAsync(Check());

        view.Check.SupplierLocalRespendShare.Should().Be(ShopSelfCheck.DefaultSupplierLocalRespendShare);
        view.Check.StaffLocalSpendShare.Should().Be(ShopSelfCheck.DefaultStaffLocalSpendShare);
        // 400,000 to local suppliers + 200,000 local wages; 0.35 and 0.5 of those spent locally again.
        view.Check.Round2Yen.Should().Be(600_000);
        view.Check.Round3Yen.Should().Be(240_000);
        view.Check.Lm3.Should().BeApproximately(1.84, 1e-9);
        view.Ledger.Should().BeNull("no shop is signed in");
    }

    [Fact]
    public async Task CheckShop_WithTheRespendSharesGiven_UsesThemInsteadOfTheDefaults()
    {
        await using var host = await LedgerTestHost.CreateAsync();

        var view = await host.MustAsync(Check(supplierRespend: 0.5, staffSpend: 0.25));

        view.Check.SupplierLocalRespendShare.Should().Be(0.5);
        view.Check.StaffLocalSpendShare.Should().Be(0.25);
        view.Check.Round3Yen.Should().Be(250_000);
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public async Task CheckShop_WithoutARequiredFigure_ReturnsValidationOnFigures(bool noSales, bool noSupplierShare, bool noWages)
    {
        await using var host = await LedgerTestHost.CreateAsync();

        var result = await host.SendAsync(Check(noSales ? null : 1_000_000, noSupplierShare ? null : 0.4, noWages ? null : 200_000));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
        result.Error.Fields!["figures"].Should().ContainSingle().Which.Should().Contain("are required");
    }
}
