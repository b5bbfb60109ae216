using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Simulation;
using Tsuyama.LocalCurrency.Simulation.Reports;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Features.Simulations.ExecuteSimulation;

/// <summary>
/// Runs a queued simulation. Deliberately not one transaction: a run takes seconds, and holding
/// the database's write lock that long would stall payments. Each state change is its own short
/// update; a finished run is never run again, so the job is safe to run twice.
/// </summary>
public sealed record ExecuteSimulationCommand(Guid RunId) : IRequest<Result<SimulationRunStatus>>;

internal sealed class ExecuteSimulationHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<ExecuteSimulationCommand, Result<SimulationRunStatus>>
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    public async Task<Result<SimulationRunStatus>> Handle(ExecuteSimulationCommand command, CancellationToken ct)
    {
        var run = await db.SimulationRuns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == command.RunId, ct).ConfigureAwait(false);
        if (run is null)
        {
            return Error.NotFound("Simulation run", command.RunId);
        }

        if (run.Status is SimulationRunStatus.Succeeded or SimulationRunStatus.Failed)
        {
            return run.Status;
        }

        var started = clock.GetUtcNow().UtcDateTime;
        await db.SimulationRuns.Where(x => x.Id == run.Id)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(x => x.Status, SimulationRunStatus.Running)
                    .SetProperty(x => x.StartedAt, started)
                    .SetProperty(x => x.Progress, 0),
                ct)
            .ConfigureAwait(false);

        try
        {
            var scenario = ScenarioLoader.Parse(run.ScenarioJson);
            var progress = new LatestProgress();
            var simulation = Task.Run(() => SimulationRunner.Run(scenario, run.Runs, progress, ct), ct);
            while (await Task.WhenAny(simulation, Task.Delay(ProgressInterval, ct)).ConfigureAwait(false) != simulation)
            {
                var value = progress.Value;
                await db.SimulationRuns.Where(x => x.Id == run.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Progress, value), ct).ConfigureAwait(false);
            }

            var result = await simulation.ConfigureAwait(false);
            var json = ResultJson.Serialize(result);
            var html = ReportWriter.BuildHtml(scenario, result);
            var finished = clock.GetUtcNow().UtcDateTime;
            await db.SimulationRuns.Where(x => x.Id == run.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SimulationRunStatus.Succeeded).SetProperty(x => x.Progress, 1)
                    .SetProperty(x => x.ResultJson, json).SetProperty(x => x.ReportHtml, html).SetProperty(x => x.FinishedAt, finished), ct)
                .ConfigureAwait(false);
            return SimulationRunStatus.Succeeded;
        }
        catch (ScenarioValidationException ex)
        {
            var finished = clock.GetUtcNow().UtcDateTime;
            await db.SimulationRuns.Where(x => x.Id == run.Id)
                .ExecuteUpdateAsync(
                    s => s
                        .SetProperty(x => x.Status, SimulationRunStatus.Failed)
                        .SetProperty(x => x.Error, ex.Message)
                        .SetProperty(x => x.FinishedAt, finished),
                    ct)
                .ConfigureAwait(false);
            return SimulationRunStatus.Failed;
        }
    }

    /// <summary>Keeps only the latest value; the poller writes it at most twice a second.</summary>
    private sealed class LatestProgress : IProgress<double>
    {
        private double _value;

        public double Value => Volatile.Read(ref _value);

        public void Report(double value) => Volatile.Write(ref _value, value);
    }
}
