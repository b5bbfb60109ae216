namespace Tsuyama.LocalCurrency.Simulation.Scenarios;

/// <summary>
/// A validated simulation scenario (DESIGN §7). Property names serialise to the contract's camelCase
/// names, so a <see cref="Scenario"/> written with <see cref="ScenarioLoader.JsonOptions"/> loads back.
/// </summary>
public sealed record Scenario
{
    public required string Name { get; init; }
    public required Injection Injection { get; init; }
    public required double NetNewConsumptionShare { get; init; }
    public required int ExpiryDays { get; init; }
    public required double RedemptionFeeRate { get; init; }
    public required double MerchantTransferFeeRate { get; init; }

    /// <summary>Share of issued points never spent before expiry (breakage). Not in the DESIGN example; default 0.</summary>
    public double BreakageShare { get; init; }

    /// <summary>Number of residents who bought the units (Monte Carlo agents). Defaults to one per unit.</summary>
    public int? Residents { get; init; }

    /// <summary>
    /// Extra: how far smallBusiness points add to small shops' sales rather than replace spending residents
    /// would have made there anyway (0 = fully interchangeable with general points, 1 = fully additional). Default 0.
    /// </summary>
    public double SmallBusinessAdditionality { get; init; }

    /// <summary>Extra: the issue (first sales) day, so reports show calendar dates and the expiry date; absent = day numbers only.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>The last valid day: day <see cref="ExpiryDays"/> − 1 counted from <see cref="StartDate"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateOnly? ExpiresOn => StartDate?.AddDays(ExpiryDays - 1);

    /// <summary>Extra: input-output ripple effects from a regional table; absent = none computed.</summary>
    public InputOutputSettings? InputOutput { get; init; }

    /// <summary>The table <see cref="InputOutput"/> names, loaded and checked by the loader.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public InputOutput.IoTable? IoTable { get; init; }

    /// <summary>Extra: input ranges for the parameter Monte Carlo and tornado; absent = none.</summary>
    public UncertaintySettings? Uncertainty { get; init; }

    /// <summary>Extra: the city's cost inputs; all optional.</summary>
    public CostBenefitInputs CostBenefit { get; init; } = new();

    public required IReadOnlyList<Sector> Sectors { get; init; }
    public required MonteCarloSettings MonteCarlo { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public long IssuedPoints => Injection.UnitsSold * (Injection.PointsPerUnit.General + Injection.PointsPerUnit.SmallBusiness);
}

public sealed record UncertaintySettings
{
    /// <summary>Parameter draws (each re-solves the exact model). Default 2,000.</summary>
    public int Draws { get; init; } = 2_000;

    public int Seed { get; init; }

    public required IReadOnlyList<InputRange> Ranges { get; init; }
}

/// <summary>low / likely / high of one input named as in <see cref="Uncertainty.ScenarioParameter"/>.</summary>
public sealed record InputRange
{
    public required string Parameter { get; init; }
    public required double Low { get; init; }

    /// <summary>Absent = the scenario's own value (0 for a shift).</summary>
    public double? Likely { get; init; }

    public required double High { get; init; }

    /// <summary>Where the range comes from (citation or "assumption: …").</summary>
    public string? Source { get; init; }
}

public sealed record InputOutputSettings
{
    /// <summary>A built-in table name (<see cref="InputOutput.IoTable.BuiltinNames"/>) or, in a scenario file, a directory relative to it.</summary>
    public required string Table { get; init; }

    /// <summary>Scenario sector id → table sector code, for every sector.</summary>
    public required IReadOnlyDictionary<string, string> SectorMap { get; init; }
}

public sealed record CostBenefitInputs
{
    /// <summary>Administration cost in yen; give this or <see cref="AdminShareOfIssued"/>, not both.</summary>
    public long? AdminYen { get; init; }

    /// <summary>Administration cost as a share of the points issued (yen value).</summary>
    public double? AdminShareOfIssued { get; init; }

    /// <summary>Share of a cash handout that households spend (for the "same budget as cash" comparison).</summary>
    public double? CashHandoutConsumptionShare { get; init; }
}

public sealed record Injection
{
    public required long UnitsSold { get; init; }
    public required long UnitPriceYen { get; init; }
    public required PointsPerUnit PointsPerUnit { get; init; }
}

public sealed record PointsPerUnit
{
    public required long General { get; init; }
    public required long SmallBusiness { get; init; }
}

public enum SectorSize
{
    Small,
    Large,
}

public sealed record Sector
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required SectorSize Size { get; init; }
    public required int Merchants { get; init; }
    public required double ResidentSpendShare { get; init; }
    public required double LocalRespendShare { get; init; }
    public required double RespendInPointsShare { get; init; }
    public required IReadOnlyDictionary<string, double> SupplierShares { get; init; }

    /// <summary>
    /// Extra: share of a receipt held as points that the shop re-spends locally. A shop can spend points only
    /// at participating local shops, so this may differ from <see cref="LocalRespendShare"/> (receipts held as
    /// yen). Absent = the same as <see cref="LocalRespendShare"/>.
    /// </summary>
    public double? PointsLocalRespendShare { get; init; }

    /// <summary>Extra: where the local re-spend of receipts held as points goes. Absent = <see cref="SupplierShares"/>.</summary>
    public IReadOnlyDictionary<string, double>? PointsSupplierShares { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public double PointsLocalRespend => PointsLocalRespendShare ?? LocalRespendShare;

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, double> PointsSuppliers => PointsSupplierShares ?? SupplierShares;
}

public sealed record MonteCarloSettings
{
    public required int Runs { get; init; }
    public required int Seed { get; init; }

    /// <summary>Smallest resident purchase, yen. Extra field; default 500.</summary>
    public int MinPurchaseYen { get; init; } = 500;

    /// <summary>Largest resident purchase, yen. Extra field; default 5,000.</summary>
    public int MaxPurchaseYen { get; init; } = 5_000;

    /// <summary>A merchant passes a receipt on between 1 and this many days later. Extra field; default 14.</summary>
    public int MaxRespendDelayDays { get; init; } = 14;

    /// <summary>
    /// Extra: relative weights of resident spending over equal parts of the validity period (e.g. [3, 2, 1] =
    /// half in the first third; [1] = even). Absent = <see cref="SpendingCurves.Default"/> (front-loaded, with its
    /// source). Changes when money moves, not how much.
    /// </summary>
    public IReadOnlyList<double>? SpendingCurve { get; init; }

    /// <summary>
    /// Extra: shops' points are redeemed only at settlements, one every this many days from the issue day (15 ≈ the
    /// 15th and the month end, the ledger's default schedule); 0 = the moment a shop decides to redeem. Default 15.
    /// Changes when points leave circulation, not how much.
    /// </summary>
    public int SettlementCutoffEveryDays { get; init; } = 15;
}
