using Hangfire;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Common.Behaviours;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Jobs;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Features.Simulations.StartSimulation;

/// <summary>
/// Queues a simulation of a scenario (DESIGN §7 JSON); a background job runs it. With an
/// <see cref="IdempotencyKey"/> (the console's form key) a second post of the same form queues nothing new.
/// </summary>
public sealed record StartSimulationCommand(string ScenarioJson, int? Runs, string RequestedBy, string? IdempotencyKey = null)
    : ICommand<SimulationStarted>, IIdempotentCommand
{
    public string IdempotencyScope => RequestedBy;
}

public sealed record SimulationStarted(Guid RunId);

internal sealed class StartSimulationValidator : IValidator<StartSimulationCommand>
{
    public const int MaxRuns = 100_000;

    public void Validate(StartSimulationCommand r, ValidationErrors e)
    {
        e.Require(r.Runs is null or (> 0 and <= MaxRuns), "runs", $"must be from 1 to {MaxRuns}");
        try
        {
            var scenario = ScenarioLoader.Parse(r.ScenarioJson);
            e.Require(r.Runs is not null || scenario.MonteCarlo.Runs <= MaxRuns, "scenario.monteCarlo.runs", $"must be at most {MaxRuns}");
        }
        catch (ScenarioValidationException ex)
        {
            foreach (var problem in ex.Errors)
            {
                e.Add("scenario", problem);
            }
        }
    }
}

internal sealed class StartSimulationHandler(LedgerDbContext db, TimeProvider clock, TransactionState transactionState, IBackgroundJobClient jobs)
    : IRequestHandler<StartSimulationCommand, Result<SimulationStarted>>
{
    public async Task<Result<SimulationStarted>> Handle(StartSimulationCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var run = new SimulationRun
        {
            Id = Guid.CreateVersion7(now),
            Status = SimulationRunStatus.Queued,
            ScenarioJson = command.ScenarioJson,
            Runs = command.Runs,
            RequestedBy = command.RequestedBy,
            CreatedAt = now.UtcDateTime,
        };
        db.SimulationRuns.Add(run);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        transactionState.AfterCommit(() => SimulationJob.Enqueue(jobs, run.Id));
        return new SimulationStarted(run.Id);
    }
}
