using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Simulations.ListSimulationRuns;

/// <summary>The latest runs, newest first, with their headline figures; who asked for a run is not shown (staff e-mail addresses).</summary>
public sealed record ListSimulationRunsQuery(int Take = ListSimulationRunsQuery.DefaultTake) : IQuery<IReadOnlyList<SimulationRunSummary>>
{
    public const int DefaultTake = 50;
    public const int MaxTake = 200;
}

/// <param name="Lm3">Null until the run has succeeded.</param>
public sealed record SimulationRunSummary(Guid RunId, string ScenarioName, SimulationRunStatus Status, double Progress,
    DateTime CreatedAt, DateTime? FinishedAt, double? Lm3, double? Multiplier, long? TotalLocalTurnoverYen);

internal sealed class ListSimulationRunsValidator : IValidator<ListSimulationRunsQuery>
{
    public void Validate(ListSimulationRunsQuery r, ValidationErrors e) =>
        e.Require(r.Take is > 0 and <= ListSimulationRunsQuery.MaxTake, "take", $"must be from 1 to {ListSimulationRunsQuery.MaxTake}");
}

internal sealed class ListSimulationRunsHandler(LedgerDbContext db) : IRequestHandler<ListSimulationRunsQuery, Result<IReadOnlyList<SimulationRunSummary>>>
{
    public async Task<Result<IReadOnlyList<SimulationRunSummary>>> Handle(ListSimulationRunsQuery query, CancellationToken ct)
    {
        // Guid v7 ids sort by creation time.
        var runs = await db.SimulationRuns.AsNoTracking()
            .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id)
            .Take(query.Take)
            .Select(x => new { x.Id, x.ScenarioJson, x.Status, x.Progress, x.CreatedAt, x.FinishedAt, x.ResultJson })
            .ToListAsync(ct).ConfigureAwait(false);
        return runs.Select(x =>
            {
                var expected = x.ResultJson is null ? null : Expected(x.ResultJson);
                return new SimulationRunSummary(x.Id, ScenarioName(x.ScenarioJson), x.Status, x.Progress, x.CreatedAt, x.FinishedAt,
                    expected?.Lm3, expected?.Multiplier, expected?.Turnover);
            })
            .ToList();
    }

    /// <summary>The scenario's own name; a run stores the JSON as posted, which passed validation, so "name" is there.</summary>
    internal static string ScenarioName(string scenarioJson)
    {
        using var doc = JsonDocument.Parse(scenarioJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return doc.RootElement.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : "";
    }

    private static (double Lm3, double Multiplier, long Turnover)? Expected(string resultJson)
    {
        using var doc = JsonDocument.Parse(resultJson);
        if (!doc.RootElement.TryGetProperty("expected", out var e))
        {
            return null;
        }

        return (e.GetProperty("lm3").GetDouble(), e.GetProperty("multiplier").GetDouble(), e.GetProperty("totalLocalTurnoverYen").GetInt64());
    }
}
