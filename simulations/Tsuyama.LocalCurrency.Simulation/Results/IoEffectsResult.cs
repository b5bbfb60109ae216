namespace Tsuyama.LocalCurrency.Simulation.Results;

/// <summary>Input-output ripple effects (scenarios README, "ioEffects"), yen except workers.</summary>
public sealed record IoEffectsResult
{
    /// <summary>Extra: the table's name.</summary>
    public required string Table { get; init; }

    /// <summary>Extra: where the table comes from.</summary>
    public required string Source { get; init; }

    /// <summary>Extra: true when the table is made up to show the method, not published data.</summary>
    public required bool Illustrative { get; init; }

    /// <summary>Extra: the final demand fed in (the induced consumption), yen.</summary>
    public required long FinalDemandYen { get; init; }

    /// <summary>直接効果: final demand met from inside the region.</summary>
    public required IoEffect Direct { get; init; }

    /// <summary>第1次間接波及効果.</summary>
    public required IoEffect FirstIndirect { get; init; }

    /// <summary>第2次間接波及効果 (through employee income spent on consumption).</summary>
    public required IoEffect SecondIndirect { get; init; }

    /// <summary>総合効果 = direct + first + second.</summary>
    public required IoEffect Total { get; init; }

    /// <summary>Extra: total production ÷ final demand (波及倍率).</summary>
    public required double ProductionRippleRatio { get; init; }
}

public sealed record IoEffect
{
    /// <summary>生産誘発額, yen.</summary>
    public required long Production { get; init; }

    /// <summary>粗付加価値誘発額, yen.</summary>
    public required long ValueAdded { get; init; }

    /// <summary>雇用者所得誘発額, yen.</summary>
    public required long EmployeeIncome { get; init; }

    /// <summary>誘発就業者数, people.</summary>
    public required double Workers { get; init; }
}
