using Tsuyama.LocalCurrency.Simulation.Uncertainty;
using Tsuyama.LocalCurrency.Simulation.InputOutput;
using Tsuyama.LocalCurrency.Simulation.CostBenefit;
using Tsuyama.LocalCurrency.Simulation.ExpectedFlow;
using Tsuyama.LocalCurrency.Simulation.MonteCarlo;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation;

/// <summary>Runs both engines on one scenario; what the CLI, the API and background jobs call.</summary>
public static class SimulationRunner
{
    /// <param name="runs">Overrides monteCarlo.runs (the CLI's --runs).</param>
    /// <param name="progress">0..1 over the whole simulation; the exact solve is instant, so it tracks the Monte Carlo runs.</param>
    public static SimulationResult Run(
        Scenario scenario, int? runs = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var model = FlowModel.From(scenario);
        var expected = ExpectedFlowEngine.Solve(model);
        var monteCarlo = MonteCarloEngine.Run(model, runs, progress, cancellationToken);
        progress?.Report(1.0);
        return new SimulationResult
        {
            Scenario = scenario.Name,
            Expected = expected,
            MonteCarlo = monteCarlo,
            CostBenefit = CostBenefitCalculator.Compute(scenario, expected),
            IoEffects = IoEffectsOf(model),
            Uncertainty = ParameterUncertainty.Run(scenario, cancellationToken: cancellationToken),
        };
    }

    public static IoEffectsResult? IoEffectsOf(FlowModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var scenario = model.Scenario;
        return scenario.IoTable is { } table && scenario.InputOutput is { } settings
            ? IoAnalysis.Compute(table, IoAnalysis.FinalDemand(model, table, settings.SectorMap))
            : null;
    }
}
