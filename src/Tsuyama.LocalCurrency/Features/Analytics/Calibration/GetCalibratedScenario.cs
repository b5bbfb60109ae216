using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Features.Analytics.Calibration;

/// <summary>The baseline scenario calibrated from the ledger's circulation over JST days From…To (defaults as <see cref="GetCirculationQuery"/>).</summary>
public sealed record GetCalibratedScenarioQuery(DateOnly? From, DateOnly? To) : IQuery<CalibratedScenarioJson>;

/// <param name="ScenarioJson">A ready scenario for a run (DESIGN §7).</param>
public sealed record CalibratedScenarioJson(string ScenarioJson, IReadOnlyList<string> Notes);

internal sealed class GetCalibratedScenarioHandler(IMediator sender) : IRequestHandler<GetCalibratedScenarioQuery, Result<CalibratedScenarioJson>>
{
    public async Task<Result<CalibratedScenarioJson>> Handle(GetCalibratedScenarioQuery r, CancellationToken ct)
    {
        var report = await sender.Send(new GetCirculationQuery(r.From, r.To), ct).ConfigureAwait(false);
        if (!report.IsSuccess)
        {
            return report.Error;
        }

        var calibrated = ScenarioCalibrator.Calibrate(report.Value);
        return new CalibratedScenarioJson(ScenarioLoader.ToJson(calibrated.Scenario), calibrated.Notes);
    }
}
