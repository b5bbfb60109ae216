using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Features.Simulations.ValidateScenario;

/// <summary>
/// Checks a scenario without running it, with the same rules a run applies (<see cref="ScenarioLoader"/>):
/// every problem under "scenario", each message starting with the field's path (e.g. sectors[0].residentSpendShare).
/// </summary>
public sealed record ValidateScenarioQuery(string ScenarioJson) : IQuery<ValidScenario>;

/// <param name="ScenarioJson">The scenario as the loader writes it back (fields in order, optional ones left out).</param>
public sealed record ValidScenario(string Name, string ScenarioJson);

internal sealed class ValidateScenarioHandler : IRequestHandler<ValidateScenarioQuery, Result<ValidScenario>>
{
    public Task<Result<ValidScenario>> Handle(ValidateScenarioQuery query, CancellationToken ct)
    {
        try
        {
            var scenario = ScenarioLoader.Parse(query.ScenarioJson);
            return Task.FromResult<Result<ValidScenario>>(new ValidScenario(scenario.Name, ScenarioLoader.ToJson(scenario)));
        }
        catch (ScenarioValidationException ex)
        {
            return Task.FromResult<Result<ValidScenario>>(Error.Validation(new Dictionary<string, string[]> { ["scenario"] = [.. ex.Errors] }));
        }
    }
}
