namespace Tsuyama.LocalCurrency.Simulation.Results;

/// <summary>The city's cost and what it buys (scenarios README, "costBenefit").</summary>
public sealed record CostBenefitResult
{
    /// <summary>Points issued above the yen residents paid: the premium the city funds.</summary>
    public required long PremiumYen { get; init; }

    /// <summary>Administration (printing, systems, staff, shop fees paid by the city): scenario input.</summary>
    public required long AdminYen { get; init; }

    /// <summary>R1 × netNewConsumptionShare: spending that would not have happened without the vouchers.</summary>
    public required long InducedConsumptionYen { get; init; }

    /// <summary>Induced consumption × the local multiplier: local turnover it sets off over all rounds.</summary>
    public required long InducedTurnoverYen { get; init; }

    /// <summary>Induced consumption − premium − administration.</summary>
    public required long NetEffectYen { get; init; }

    /// <summary>Induced consumption ÷ (premium + administration); null when the program costs nothing.</summary>
    public required double? BenefitCostRatio { get; init; }

    /// <summary>Extra: premium + administration, the budget a cash handout is compared with.</summary>
    public required long BudgetYen { get; init; }

    /// <summary>Extra: the scenario's share of a cash handout that is spent (null if the scenario gives none).</summary>
    public required double? CashHandoutConsumptionShare { get; init; }

    /// <summary>The same budget handed out as cash × its consumption share; null if the scenario gives no share.</summary>
    public required long? CashHandoutConsumptionYen { get; init; }

    /// <summary>Extra: false when the scenario gives no administration cost (then counted as 0).</summary>
    public required bool AdminGiven { get; init; }
}
