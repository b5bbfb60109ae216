using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Simulations.CompareScenarios;
using Tsuyama.LocalCurrency.Simulation.Comparisons;
using Tsuyama.LocalCurrency.Simulation.Scenarios;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Simulation.Results;

namespace Tsuyama.LocalCurrency.Features.Simulations.CompareRuns;

/// <summary>
/// Two stored runs side by side: their scenarios through the same exact-model comparison as
/// <see cref="CompareScenariosQuery"/> (the headline figures a run reports come from that model too).
/// </summary>
public sealed record CompareRunsQuery(Guid First, Guid Second) : IQuery<ComparisonResult>;

internal sealed class CompareRunsHandler(LedgerDbContext db) : IRequestHandler<CompareRunsQuery, Result<ComparisonResult>>
{
    public async Task<Result<ComparisonResult>> Handle(CompareRunsQuery query, CancellationToken ct)
    {
        var ids = new[] { query.First, query.Second };
        var runs = await db.SimulationRuns.AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new { x.Id, x.ScenarioJson }).ToListAsync(ct).ConfigureAwait(false);
        foreach (var id in ids)
        {
            if (runs.All(x => x.Id != id))
            {
                return Error.NotFound("Simulation run", id);
            }
        }

        // A stored scenario passed validation when its run was queued, so it parses again.
        return ScenarioComparison.Compare([.. ids.Select(id => ScenarioLoader.Parse(runs.First(x => x.Id == id).ScenarioJson))]);
    }
}
