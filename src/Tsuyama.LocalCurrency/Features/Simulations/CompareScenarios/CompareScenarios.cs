using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Simulation.Comparisons;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Features.Simulations.CompareScenarios;

/// <summary>Two or more scenarios side by side (exact model, milliseconds: answered at once, not queued).</summary>
public sealed record CompareScenariosQuery(IReadOnlyList<string> ScenarioJsons) : IQuery<ComparisonResult>;

/// <summary>One input of a scenario swept from <see cref="From"/> to <see cref="To"/> by <see cref="Step"/> (exact model).</summary>
public sealed record SweepScenarioQuery(string ScenarioJson, string Parameter, double From, double To, double Step) : IQuery<SweepResult>;

internal sealed class CompareScenariosValidator : IValidator<CompareScenariosQuery>
{
    public void Validate(CompareScenariosQuery r, ValidationErrors e) =>
        e.Require(r.ScenarioJsons.Count is >= 2 and <= ScenarioComparison.MaxScenarios, "scenarios",
            $"must hold from 2 to {ScenarioComparison.MaxScenarios} scenario objects");
}

internal sealed class CompareScenariosHandler : IRequestHandler<CompareScenariosQuery, Result<ComparisonResult>>
{
    public Task<Result<ComparisonResult>> Handle(CompareScenariosQuery query, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var scenarios = new List<Scenario>();
        foreach (var (json, i) in query.ScenarioJsons.Select((j, i) => (j, i)))
        {
            try
            {
                // No base directory: a posted scenario may name built-in input-output tables only, never server paths.
                scenarios.Add(ScenarioLoader.Parse(json));
            }
            catch (ScenarioValidationException ex)
            {
                errors[$"scenarios[{i}]"] = [.. ex.Errors];
            }
        }

        Result<ComparisonResult> result = errors.Count > 0 ? Error.Validation(errors) : ScenarioComparison.Compare(scenarios);
        return Task.FromResult(result);
    }
}

internal sealed class SweepScenarioHandler : IRequestHandler<SweepScenarioQuery, Result<SweepResult>>
{
    public Task<Result<SweepResult>> Handle(SweepScenarioQuery query, CancellationToken ct)
    {
        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Parse(query.ScenarioJson);
        }
        catch (ScenarioValidationException ex)
        {
            return Task.FromResult<Result<SweepResult>>(Error.Validation(new Dictionary<string, string[]> { ["scenario"] = [.. ex.Errors] }));
        }

        try
        {
            return Task.FromResult<Result<SweepResult>>(ScenarioComparison.Sweep(scenario, query.Parameter, query.From, query.To, query.Step));
        }
        catch (ScenarioValidationException ex)
        {
            return Task.FromResult<Result<SweepResult>>(Error.Validation(new Dictionary<string, string[]> { ["parameter"] = [.. ex.Errors] }));
        }
    }
}
