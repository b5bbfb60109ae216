namespace Tsuyama.LocalCurrency.Simulation.Scenarios;

// The file as the chamber wrote it: everything optional, so that validation can report every missing
// or wrong field at once instead of the serializer stopping at the first one.
internal sealed class ScenarioDocument
{
    public string? Name { get; set; }
    public InjectionDocument? Injection { get; set; }
    public double? NetNewConsumptionShare { get; set; }
    public int? ExpiryDays { get; set; }
    public double? RedemptionFeeRate { get; set; }
    public double? MerchantTransferFeeRate { get; set; }
    public double? BreakageShare { get; set; }
    public int? Residents { get; set; }
    public string? StartDate { get; set; }
    public double? SmallBusinessAdditionality { get; set; }
    public CostBenefitDocument? CostBenefit { get; set; }
    public InputOutputDocument? InputOutput { get; set; }
    public UncertaintyDocument? Uncertainty { get; set; }
    public List<SectorDocument?>? Sectors { get; set; }
    public MonteCarloDocument? MonteCarlo { get; set; }
}

internal sealed class UncertaintyDocument
{
    public int? Draws { get; set; }
    public int? Seed { get; set; }
    public List<InputRangeDocument?>? Ranges { get; set; }
}

internal sealed class InputRangeDocument
{
    public string? Parameter { get; set; }
    public double? Low { get; set; }
    public double? Likely { get; set; }
    public double? High { get; set; }
    public string? Source { get; set; }
}

internal sealed class InputOutputDocument
{
    public string? Table { get; set; }
    public Dictionary<string, string>? SectorMap { get; set; }
}

internal sealed class CostBenefitDocument
{
    public long? AdminYen { get; set; }
    public double? AdminShareOfIssued { get; set; }
    public double? CashHandoutConsumptionShare { get; set; }
}

internal sealed class InjectionDocument
{
    public long? UnitsSold { get; set; }
    public long? UnitPriceYen { get; set; }
    public PointsPerUnitDocument? PointsPerUnit { get; set; }
}

internal sealed class PointsPerUnitDocument
{
    public long? General { get; set; }
    public long? SmallBusiness { get; set; }
}

internal sealed class SectorDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Size { get; set; }
    public int? Merchants { get; set; }
    public double? ResidentSpendShare { get; set; }
    public double? LocalRespendShare { get; set; }
    public double? RespendInPointsShare { get; set; }
    public Dictionary<string, double>? SupplierShares { get; set; }
    public double? PointsLocalRespendShare { get; set; }
    public Dictionary<string, double>? PointsSupplierShares { get; set; }
}

internal sealed class MonteCarloDocument
{
    public int? Runs { get; set; }
    public int? Seed { get; set; }
    public int? MinPurchaseYen { get; set; }
    public int? MaxPurchaseYen { get; set; }
    public int? MaxRespendDelayDays { get; set; }
    public List<double>? SpendingCurve { get; set; }
    public int? SettlementCutoffEveryDays { get; set; }
}
