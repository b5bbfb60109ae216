using Tsuyama.LocalCurrency.Simulation.CostBenefit;
using Tsuyama.LocalCurrency.Simulation.ExpectedFlow;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation.Uncertainty;

/// <summary>The headline figures of one scenario from the exact model (no Monte Carlo): what draws, sweeps and comparisons vary.</summary>
public sealed record Headline
{
    public required double Lm3 { get; init; }

    public required double Multiplier { get; init; }

    public required long TotalLocalTurnoverYen { get; init; }

    public required long InducedConsumptionYen { get; init; }

    public required long InducedTurnoverYen { get; init; }

    public required long NetEffectYen { get; init; }

    public required double? BenefitCostRatio { get; init; }

    public required long? IoTotalProductionYen { get; init; }

    public static Headline Evaluate(Scenario scenario) => Evaluate(scenario, out _, out _, out _);

    public static Headline Evaluate(Scenario scenario, out ExpectedFlowResult expected, out CostBenefitResult costBenefit, out IoEffectsResult? io)
    {
        var model = FlowModel.From(scenario);
        expected = ExpectedFlowEngine.Solve(model);
        costBenefit = CostBenefitCalculator.Compute(scenario, expected);
        io = SimulationRunner.IoEffectsOf(model);
        return new Headline
        {
            Lm3 = expected.Lm3,
            Multiplier = expected.Multiplier,
            TotalLocalTurnoverYen = expected.TotalLocalTurnoverYen,
            InducedConsumptionYen = costBenefit.InducedConsumptionYen,
            InducedTurnoverYen = costBenefit.InducedTurnoverYen,
            NetEffectYen = costBenefit.NetEffectYen,
            BenefitCostRatio = costBenefit.BenefitCostRatio,
            IoTotalProductionYen = io?.Total.Production,
        };
    }
}
