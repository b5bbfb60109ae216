namespace Tsuyama.LocalCurrency.Simulation.Results;

/// <summary>Both engines on one scenario: the <c>simulate --json</c> and API shape of DESIGN §7.</summary>
public sealed record SimulationResult
{
    /// <summary>Extra: the scenario's name.</summary>
    public required string Scenario { get; init; }

    public required ExpectedFlowResult Expected { get; init; }

    public required MonteCarloResult MonteCarlo { get; init; }

    /// <summary>Extra: the city's cost and benefit (from the expected-flow answer).</summary>
    public required CostBenefitResult CostBenefit { get; init; }

    /// <summary>Extra: input-output ripple effects of the induced consumption; null without scenario.inputOutput.</summary>
    public required IoEffectsResult? IoEffects { get; init; }

    /// <summary>Extra: parameter uncertainty over the scenario's input ranges; null without scenario.uncertainty.</summary>
    public required UncertaintyResult? Uncertainty { get; init; }
}
