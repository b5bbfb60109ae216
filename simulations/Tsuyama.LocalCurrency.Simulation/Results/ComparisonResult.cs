namespace Tsuyama.LocalCurrency.Simulation.Results;

/// <summary>Two or more scenarios side by side (scenarios README, "comparison"); exact model only.</summary>
public sealed record ComparisonResult
{
    public required IReadOnlyList<string> Scenarios { get; init; }

    public required IReadOnlyList<ComparedFigure> Headline { get; init; }

    /// <summary>The first scenario's sectors; a sector another scenario lacks shows 0 there.</summary>
    public required IReadOnlyList<ComparedSector> Sectors { get; init; }
}

public sealed record ComparedFigure
{
    /// <summary>The figure's JSON name, e.g. lm3, netEffectYen.</summary>
    public required string Figure { get; init; }

    /// <summary>One value per scenario (null where a scenario cannot give it, e.g. no input-output table).</summary>
    public required IReadOnlyList<double?> Values { get; init; }

    public required IReadOnlyList<double?> DifferenceFromFirst { get; init; }
}

public sealed record ComparedSector
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<long> TurnoverYen { get; init; }

    public required IReadOnlyList<long> PerTenThousandYen { get; init; }

    public required IReadOnlyList<long> TurnoverDifferenceFromFirst { get; init; }
}

/// <summary>One input swept over a range (scenarios README, "sweep"); exact model only.</summary>
public sealed record SweepResult
{
    public required string Scenario { get; init; }

    public required string Parameter { get; init; }

    public required IReadOnlyList<SweepPoint> Points { get; init; }
}

public sealed record SweepPoint
{
    public required double Value { get; init; }

    public required double Lm3 { get; init; }

    public required double Multiplier { get; init; }

    public required long TotalLocalTurnoverYen { get; init; }

    public required long InducedConsumptionYen { get; init; }

    public required long InducedTurnoverYen { get; init; }

    public required long NetEffectYen { get; init; }

    public required double? BenefitCostRatio { get; init; }

    public required long? IoTotalProductionYen { get; init; }
}
