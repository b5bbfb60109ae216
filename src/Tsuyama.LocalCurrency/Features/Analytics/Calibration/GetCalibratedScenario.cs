using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Features.Analytics.Calibration;

/// <summary>
/// A scenario calibrated from the ledger's circulation over JST days From…To (defaults as
/// <see cref="GetCirculationQuery"/>): the one use case behind the API, the chamber page and
/// <c>analyze --scenario-out</c>. Values the ledger cannot observe come from <paramref name="BaseScenario"/>
/// (default: the built-in baseline).
/// </summary>
public sealed record GetCalibratedScenarioQuery(DateOnly? From, DateOnly? To, Scenario? BaseScenario = null) : IQuery<CalibratedScenarioJson>;

/// <param name="ScenarioJson">A ready scenario for a run (DESIGN §7).</param>
/// <param name="Report">The circulation figures it was calibrated from.</param>
public sealed record CalibratedScenarioJson(string ScenarioJson, IReadOnlyList<string> Notes, CirculationReport Report);

internal sealed class GetCalibratedScenarioHandler(IMediator sender) : IRequestHandler<GetCalibratedScenarioQuery, Result<CalibratedScenarioJson>>
{
    public async Task<Result<CalibratedScenarioJson>> Handle(GetCalibratedScenarioQuery query, CancellationToken ct)
    {
        var report = await sender.Send(new GetCirculationQuery(query.From, query.To), ct).ConfigureAwait(false);
        if (!report.IsSuccess)
        {
            return report.Error;
        }

        try
        {
            var calibrated = ScenarioCalibrator.Calibrate(report.Value, query.BaseScenario);
            return new CalibratedScenarioJson(ScenarioLoader.ToJson(calibrated.Scenario), calibrated.Notes, report.Value);
        }
        catch (ScenarioValidationException ex)
        {
            // A base scenario whose other values do not fit the observed figures: the caller's input, not our fault.
            return Error.Validation(new Dictionary<string, string[]> { ["scenario"] = [.. ex.Errors] });
        }
    }
}
