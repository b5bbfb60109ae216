using Tsuyama.LocalCurrency.Simulation.Scenarios;
using Tsuyama.LocalCurrency.Simulation.ShopCheck;

namespace Tsuyama.LocalCurrency.Simulation.Tests;

public class ShopSelfCheckTests
{
    [Fact]
    public void Compute_ForAShopBuyingLocallyAndEmployingLocals_GivesItsLm3ByHand()
    {
        // ¥1,000,000 sales, 40 % from local suppliers (¥400,000), ¥200,000 local wages.
        // R2 = 600,000; R3 = 400,000 × 0.35 + 200,000 × 0.5 = 240,000; LM3 = 1.84.
        var result = ShopSelfCheck.Compute(new ShopFigures { MonthlySalesYen = 1_000_000, LocalSupplierShare = 0.4, LocalWagesYen = 200_000 });

        result.Round2Yen.Should().Be(600_000);
        result.Round3Yen.Should().Be(240_000);
        result.Lm3.Should().BeApproximately(1.84, 1e-12);
        // To businesses: 0.4 + 0.4 × 0.35 + 0.2 × 0.5 = 0.64 of each yen.
        result.PerTenThousandToLocalBusinessesYen.Should().Be(6_400);
    }

    [Fact]
    public void Compute_WithTheShopsOwnSurveyShares_UsesThem()
    {
        var result = ShopSelfCheck.Compute(new ShopFigures
        {
            MonthlySalesYen = 500_000, LocalSupplierShare = 0.1, LocalWagesYen = 0, SupplierLocalRespendShare = 0.8, StaffLocalSpendShare = 0.9,
        });

        result.Lm3.Should().BeApproximately(1 + 0.1 + 0.08, 1e-12);
        result.PerTenThousandToLocalBusinessesYen.Should().Be(1_800);
    }

    [Fact]
    public void Compute_WithImpossibleFigures_ListsEveryProblem()
    {
        var act = () => ShopSelfCheck.Compute(new ShopFigures { MonthlySalesYen = 0, LocalSupplierShare = 1.5, LocalWagesYen = -1, StaffLocalSpendShare = 2 });

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should()
            .Contain("monthlySalesYen must be above 0").And.Contain("localWagesYen must be zero or more")
            .And.Contain(e => e.StartsWith("localSupplierShare must be a share", StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith("staffLocalSpendShare must be a share", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_WhenLocalSpendingExceedsSales_SaysSo()
    {
        var act = () => ShopSelfCheck.Compute(new ShopFigures { MonthlySalesYen = 100_000, LocalSupplierShare = 0.8, LocalWagesYen = 50_000 });

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should()
            .ContainSingle(e => e.Contains("exceed the month's sales", StringComparison.Ordinal));
    }
}
