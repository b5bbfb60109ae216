using System.Globalization;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation.ShopCheck;

/// <summary>What a shop tells the self-check about one month.</summary>
public sealed record ShopFigures
{
    public required long MonthlySalesYen { get; init; }

    /// <summary>Share of the sales spent with suppliers inside the region.</summary>
    public required double LocalSupplierShare { get; init; }

    /// <summary>Wages paid in the month to staff who live in the region.</summary>
    public required long LocalWagesYen { get; init; }

    /// <summary>Share of what local suppliers receive that they spend locally again. Default: the baseline's wholesale assumption.</summary>
    public double SupplierLocalRespendShare { get; init; } = ShopSelfCheck.DefaultSupplierLocalRespendShare;

    /// <summary>Share of local staff's wages spent at local businesses. Default: an assumption (no survey for Tsuyama).</summary>
    public double StaffLocalSpendShare { get; init; } = ShopSelfCheck.DefaultStaffLocalSpendShare;
}

public sealed record ShopCheckResult
{
    /// <summary>(R1 + R2 + R3) ÷ R1 for this shop, as in the LM3 method (round 1 = its sales).</summary>
    public required double Lm3 { get; init; }

    /// <summary>Round 2: the shop's own local spending (local suppliers + local wages).</summary>
    public required long Round2Yen { get; init; }

    /// <summary>Round 3: what its suppliers and staff spend locally again.</summary>
    public required long Round3Yen { get; init; }

    /// <summary>Of ¥10,000 spent at the shop, the yen that reach other local businesses within the three rounds.</summary>
    public required long PerTenThousandToLocalBusinessesYen { get; init; }

    public required double SupplierLocalRespendShare { get; init; }

    public required double StaffLocalSpendShare { get; init; }
}

/// <summary>
/// An LM3-style self-check for one shop (the New Economics Foundation's "Local Multiplier 3" method):
/// round 1 is the shop's sales, round 2 what it spends locally (local suppliers and the wages of local
/// staff), round 3 what those suppliers and staff spend locally again. Without surveying them, round 3
/// uses the two stated shares.
/// </summary>
public static class ShopSelfCheck
{
    /// <summary>The baseline scenario's assumption for local wholesale and suppliers (simulations/scenarios/README.md).</summary>
    public const double DefaultSupplierLocalRespendShare = 0.35;

    /// <summary>Assumption: half of local staff's wages is spent at local businesses.</summary>
    public const double DefaultStaffLocalSpendShare = 0.5;

    public static ShopCheckResult Compute(ShopFigures shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var errors = new List<string>();
        if (shop.MonthlySalesYen <= 0)
        {
            errors.Add("monthlySalesYen must be above 0");
        }

        Share(shop.LocalSupplierShare, "localSupplierShare", errors);
        Share(shop.SupplierLocalRespendShare, "supplierLocalRespendShare", errors);
        Share(shop.StaffLocalSpendShare, "staffLocalSpendShare", errors);
        if (shop.LocalWagesYen < 0)
        {
            errors.Add("localWagesYen must be zero or more");
        }
        else if (shop.MonthlySalesYen > 0 && (shop.LocalSupplierShare * shop.MonthlySalesYen) + shop.LocalWagesYen > shop.MonthlySalesYen)
        {
            errors.Add("local supplier purchases plus local wages exceed the month's sales; enter a month's typical figures");
        }

        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        double sales = shop.MonthlySalesYen;
        var suppliers = shop.LocalSupplierShare * sales;
        var round2 = suppliers + shop.LocalWagesYen;
        var suppliersOn = suppliers * shop.SupplierLocalRespendShare;
        var staffOn = shop.LocalWagesYen * shop.StaffLocalSpendShare;
        var round3 = suppliersOn + staffOn;
        return new ShopCheckResult
        {
            Lm3 = (sales + round2 + round3) / sales,
            Round2Yen = ExpectedFlow.ExpectedFlowEngine.Yen(round2),
            Round3Yen = ExpectedFlow.ExpectedFlowEngine.Yen(round3),
            // Businesses, not people: the wages themselves go to staff; what staff spend locally reaches businesses.
            PerTenThousandToLocalBusinessesYen = ExpectedFlow.ExpectedFlowEngine.Yen(10_000 * (suppliers + suppliersOn + staffOn) / sales),
            SupplierLocalRespendShare = shop.SupplierLocalRespendShare,
            StaffLocalSpendShare = shop.StaffLocalSpendShare,
        };
    }

    private static void Share(double value, string name, List<string> errors)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1)
        {
            errors.Add($"{name} must be a share between 0 and 1 (got {value.ToString(CultureInfo.InvariantCulture)})");
        }
    }
}
