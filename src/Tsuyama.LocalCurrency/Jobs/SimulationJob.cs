using Hangfire;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Simulations.ExecuteSimulation;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Jobs;

/// <summary>Runs one stored simulation by id.</summary>
public sealed class SimulationJob(IMediator mediator)
{
    public static void Enqueue(IBackgroundJobClient jobs, Guid runId) =>
        jobs.Enqueue<SimulationJob>(j => j.RunAsync(runId, CancellationToken.None));

    /// <summary>
    /// Hangfire's in-memory storage forgets queued jobs on restart; the runs themselves are in the
    /// database, so unfinished ones are queued again at start-up.
    /// </summary>
    public static async Task<int> RequeueUnfinishedAsync(LedgerDbContext db, IBackgroundJobClient jobs, CancellationToken ct)
    {
        var unfinished = await db.SimulationRuns
            .Where(r => r.Status == SimulationRunStatus.Queued || r.Status == SimulationRunStatus.Running)
            .Select(r => r.Id).ToListAsync(ct).ConfigureAwait(false);
        foreach (var id in unfinished)
        {
            Enqueue(jobs, id);
        }

        return unfinished.Count;
    }

    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(Guid runId, CancellationToken ct)
    {
        var result = await mediator.Send(new ExecuteSimulationCommand(runId), ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(result.Error.Detail);
        }
    }
}
