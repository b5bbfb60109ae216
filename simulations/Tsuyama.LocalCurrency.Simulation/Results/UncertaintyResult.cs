namespace Tsuyama.LocalCurrency.Simulation.Results;

/// <summary>
/// Parameter uncertainty (scenarios README, "uncertainty"): the exact model re-solved for many draws of the
/// scenario's input ranges. Unlike monteCarlo (the agent model's sampling noise with fixed inputs), this says
/// how much the answer depends on inputs nobody knows precisely.
/// </summary>
public sealed record UncertaintyResult
{
    public required int Draws { get; init; }

    public required int Seed { get; init; }

    /// <summary>The input ranges drawn from (triangular low / likely / high, independent).</summary>
    public required IReadOnlyList<InputRangeResult> Ranges { get; init; }

    public required Interval Lm3 { get; init; }

    public required Interval Multiplier { get; init; }

    public required Interval TotalLocalTurnoverYen { get; init; }

    public required Interval InducedConsumptionYen { get; init; }

    public required Interval InducedTurnoverYen { get; init; }

    public required Interval NetEffectYen { get; init; }

    /// <summary>Null when the program has no cost (no ratio to take).</summary>
    public required Interval? BenefitCostRatio { get; init; }

    /// <summary>Total production of the input-output ripple effects; null without a table.</summary>
    public required Interval? IoTotalProductionYen { get; init; }

    public required TornadoResult Tornado { get; init; }
}

public sealed record InputRangeResult
{
    public required string Parameter { get; init; }

    public required double Low { get; init; }

    public required double Likely { get; init; }

    public required double High { get; init; }

    public required string? Source { get; init; }
}

public sealed record Interval
{
    public required double P5 { get; init; }

    public required double P50 { get; init; }

    public required double P95 { get; init; }

    public required double Mean { get; init; }

    public static Interval Of(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        return new Interval
        {
            P5 = Distribution.Percentile(sorted, 0.05),
            P50 = Distribution.Percentile(sorted, 0.50),
            P95 = Distribution.Percentile(sorted, 0.95),
            Mean = values.Average(),
        };
    }
}

/// <summary>Per headline figure, the inputs ranked by how far the figure moves between their low and high (others at likely).</summary>
public sealed record TornadoResult
{
    public required IReadOnlyList<TornadoBar> Lm3 { get; init; }

    public required IReadOnlyList<TornadoBar> Multiplier { get; init; }

    public required IReadOnlyList<TornadoBar> NetEffectYen { get; init; }
}

public sealed record TornadoBar
{
    public required string Parameter { get; init; }

    public required double Low { get; init; }

    public required double High { get; init; }

    /// <summary>The figure with this input at its low value.</summary>
    public required double AtLow { get; init; }

    public required double AtHigh { get; init; }

    /// <summary>|AtHigh − AtLow|: the bar's length, the ranking key.</summary>
    public required double Swing { get; init; }
}
