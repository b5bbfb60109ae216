using System.Globalization;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation.Uncertainty;

/// <summary>
/// One scalar scenario input addressed by name, for ranges, tornado charts and sweeps (scenarios README,
/// "入力の名前"). <c>sectors.&lt;id&gt;.&lt;field&gt;</c> is one sector, <c>sectors.*.&lt;field&gt;</c> sets every
/// sector, <c>sectors.*.&lt;field&gt;.shift</c> adds the value to every sector's own value (clamped to the field's domain).
/// </summary>
public sealed class ScenarioParameter
{
    private static readonly string[] SectorFields = ["localRespendShare", "pointsLocalRespendShare", "respendInPointsShare"];

    private static readonly string[] TopLevel =
    [
        "netNewConsumptionShare", "breakageShare", "redemptionFeeRate", "merchantTransferFeeRate", "smallBusinessAdditionality",
        "premiumRate", "smallBusinessShare", "costBenefit.adminYen", "costBenefit.adminShareOfIssued", "costBenefit.cashHandoutConsumptionShare",
    ];

    private readonly string? _sector;
    private readonly string _field;
    private readonly bool _shift;

    private ScenarioParameter(string name, string? sector, string field, bool shift)
    {
        Name = name;
        _sector = sector;
        _field = field;
        _shift = shift;
        (Min, Max) = field switch
        {
            "breakageShare" or "redemptionFeeRate" or "merchantTransferFeeRate" => (0.0, Math.BitDecrement(1.0)),
            "premiumRate" => (0.0, 10.0),
            "costBenefit.adminYen" => (0.0, 1e15),
            _ => (0.0, 1.0),
        };
    }

    public string Name { get; }

    /// <summary>Smallest and largest value the input may take (a shift may be negative; results are clamped).</summary>
    public double Min { get; }

    public double Max { get; }

    public bool IsShift => _shift;

    /// <summary>Every name <see cref="Parse"/> accepts, for error messages.</summary>
    public static string Grammar =>
        string.Join(", ", TopLevel) + ", sectors.<id>.<field>, sectors.*.<field>, sectors.*.<field>.shift (field: " + string.Join(", ", SectorFields) + ")";

    /// <returns>The parameter, or null with <paramref name="error"/> saying why.</returns>
    public static ScenarioParameter? Parse(string name, Scenario scenario, out string? error)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        error = null;
        if (TopLevel.Contains(name, StringComparer.Ordinal))
        {
            if (name is "premiumRate" or "smallBusinessShare" && scenario.Injection.UnitPriceYen <= 0)
            {
                error = $"{name} needs injection.unitPriceYen above 0";
                return null;
            }

            return new ScenarioParameter(name, null, name, shift: false);
        }

        var parts = name.Split('.');
        if (parts.Length is 3 or 4 && parts[0] == "sectors" && SectorFields.Contains(parts[2], StringComparer.Ordinal)
            && (parts.Length == 3 || (parts[3] == "shift" && parts[1] == "*")))
        {
            if (parts[1] != "*" && !scenario.Sectors.Any(s => s.Id == parts[1]))
            {
                error = $"\"{name}\": no sector has id \"{parts[1]}\"";
                return null;
            }

            return new ScenarioParameter(name, parts[1], parts[2], shift: parts.Length == 4);
        }

        error = $"\"{name}\" is not an input that can vary; use one of: {Grammar}";
        return null;
    }

    /// <summary>The scenario's own value (0 for a shift; the first sector's for <c>sectors.*</c>).</summary>
    public double Get(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (_shift)
        {
            return 0;
        }

        if (_sector is not null)
        {
            var sector = _sector == "*" ? scenario.Sectors[0] : scenario.Sectors.First(s => s.Id == _sector);
            return SectorValue(sector);
        }

        var points = scenario.Injection.PointsPerUnit;
        var total = (double)(points.General + points.SmallBusiness);
        return _field switch
        {
            "netNewConsumptionShare" => scenario.NetNewConsumptionShare,
            "breakageShare" => scenario.BreakageShare,
            "redemptionFeeRate" => scenario.RedemptionFeeRate,
            "merchantTransferFeeRate" => scenario.MerchantTransferFeeRate,
            "smallBusinessAdditionality" => scenario.SmallBusinessAdditionality,
            "premiumRate" => (total / scenario.Injection.UnitPriceYen) - 1,
            "smallBusinessShare" => total > 0 ? points.SmallBusiness / total : 0,
            "costBenefit.adminYen" => scenario.CostBenefit.AdminYen ?? (scenario.CostBenefit.AdminShareOfIssued ?? 0) * scenario.IssuedPoints,
            "costBenefit.adminShareOfIssued" => scenario.CostBenefit.AdminShareOfIssued
                ?? (scenario.IssuedPoints > 0 ? (scenario.CostBenefit.AdminYen ?? 0) / (double)scenario.IssuedPoints : 0),
            "costBenefit.cashHandoutConsumptionShare" => scenario.CostBenefit.CashHandoutConsumptionShare ?? 0,
            _ => throw new InvalidOperationException(_field),
        };
    }

    /// <summary>The scenario with this input set to <paramref name="value"/> (or shifted by it), clamped to the domain.</summary>
    public Scenario Apply(Scenario scenario, double value)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (_sector is not null)
        {
            var sectors = scenario.Sectors
                .Select(s => _sector == "*" || s.Id == _sector ? WithSectorValue(s, _shift ? SectorValue(s) + value : value) : s)
                .ToList();
            return scenario with { Sectors = sectors };
        }

        var v = Math.Clamp(value, Min, Max);
        var injection = scenario.Injection;
        var points = injection.PointsPerUnit;
        return _field switch
        {
            "netNewConsumptionShare" => scenario with { NetNewConsumptionShare = v },
            "breakageShare" => scenario with { BreakageShare = v },
            "redemptionFeeRate" => scenario with { RedemptionFeeRate = v },
            "merchantTransferFeeRate" => scenario with { MerchantTransferFeeRate = v },
            "smallBusinessAdditionality" => scenario with { SmallBusinessAdditionality = v },
            "premiumRate" => WithPoints(scenario, Math.Round(injection.UnitPriceYen * (1 + v)), SmallShare(points)),
            "smallBusinessShare" => WithPoints(scenario, points.General + points.SmallBusiness, v),
            "costBenefit.adminYen" => scenario with { CostBenefit = scenario.CostBenefit with { AdminYen = (long)Math.Round(v), AdminShareOfIssued = null } },
            "costBenefit.adminShareOfIssued" => scenario with { CostBenefit = scenario.CostBenefit with { AdminShareOfIssued = v, AdminYen = null } },
            "costBenefit.cashHandoutConsumptionShare" => scenario with { CostBenefit = scenario.CostBenefit with { CashHandoutConsumptionShare = v } },
            _ => throw new InvalidOperationException(_field),
        };
    }

    public override string ToString() => Name;

    internal static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private double SectorValue(Sector s) => _field switch
    {
        "localRespendShare" => s.LocalRespendShare,
        "pointsLocalRespendShare" => s.PointsLocalRespend,
        _ => s.RespendInPointsShare,
    };

    private Sector WithSectorValue(Sector s, double value)
    {
        var v = Math.Clamp(value, Min, Max);
        return _field switch
        {
            "localRespendShare" => s with { LocalRespendShare = v },
            "pointsLocalRespendShare" => s with { PointsLocalRespendShare = v },
            _ => s with { RespendInPointsShare = v },
        };
    }

    private static double SmallShare(PointsPerUnit points)
    {
        var total = points.General + points.SmallBusiness;
        return total > 0 ? points.SmallBusiness / (double)total : 0;
    }

    private static Scenario WithPoints(Scenario scenario, double total, double smallShare)
    {
        var small = (long)Math.Round(total * smallShare);
        return scenario with
        {
            Injection = scenario.Injection with { PointsPerUnit = new PointsPerUnit { General = (long)total - small, SmallBusiness = small } },
        };
    }
}
