using System.Text.Json.Nodes;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Simulations.GetSimulationRun;

public sealed record GetSimulationRunQuery(Guid RunId) : IQuery<SimulationRunView>;

/// <summary><see cref="Result"/> is the DESIGN §7 result object once the run has succeeded.</summary>
public sealed record SimulationRunView(Guid RunId, SimulationRunStatus Status, double Progress, JsonNode? Result, string? Error,
    DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt);

public sealed record GetSimulationReportQuery(Guid RunId) : IQuery<string>;

internal sealed class GetSimulationRunHandler(LedgerDbContext db) : IRequestHandler<GetSimulationRunQuery, Result<SimulationRunView>>
{
    public async Task<Result<SimulationRunView>> Handle(GetSimulationRunQuery query, CancellationToken ct)
    {
        var run = await db.SimulationRuns.AsNoTracking()
            .Where(x => x.Id == query.RunId)
            .Select(x => new { x.Id, x.Status, x.Progress, x.ResultJson, x.Error, x.CreatedAt, x.StartedAt, x.FinishedAt })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return run is null
            ? Error.NotFound("Simulation run", query.RunId)
            : new SimulationRunView(run.Id, run.Status, run.Progress, run.ResultJson is null ? null : JsonNode.Parse(run.ResultJson),
                run.Error, run.CreatedAt, run.StartedAt, run.FinishedAt);
    }
}

internal sealed class GetSimulationReportHandler(LedgerDbContext db) : IRequestHandler<GetSimulationReportQuery, Result<string>>
{
    public async Task<Result<string>> Handle(GetSimulationReportQuery query, CancellationToken ct)
    {
        var run = await db.SimulationRuns.AsNoTracking().Where(x => x.Id == query.RunId)
            .Select(x => new { x.Status, x.ReportHtml }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (run is null)
        {
            return Error.NotFound("Simulation run", query.RunId);
        }

        return run.ReportHtml is { } html
            ? html
            : Error.Rule(ProblemTypes.NotReady, "まだ完了していません / Not finished",
                $"The simulation is {run.Status.ToString().ToLowerInvariant()}; the report exists once it has succeeded.");
    }
}
