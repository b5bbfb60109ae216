using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Persistence.Configurations;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Features.Simulations.SavedScenarios;

/// <summary>
/// Saves a scenario as a new one (never overwriting an earlier save). Only a scenario that passes the
/// loader's checks is saved, so anything loaded back can be run as it is. The name is the scenario's own.
/// </summary>
public sealed record SaveScenarioCommand(string ScenarioJson, string SavedBy, string? IdempotencyKey = null)
    : ICommand<ScenarioSaved>, IIdempotentCommand
{
    public string IdempotencyScope => SavedBy;
}

public sealed record ScenarioSaved(Guid ScenarioId, string Name);

/// <summary>The saved scenarios, newest first (names and dates only; who saved one is not shown).</summary>
public sealed record ListSavedScenariosQuery : IQuery<IReadOnlyList<SavedScenarioSummary>>
{
    public const int Take = 200;
}

public sealed record SavedScenarioSummary(Guid ScenarioId, string Name, DateTime CreatedAt);

public sealed record GetSavedScenarioQuery(Guid ScenarioId) : IQuery<SavedScenarioView>;

public sealed record SavedScenarioView(Guid ScenarioId, string Name, string ScenarioJson, DateTime CreatedAt);

internal sealed class SaveScenarioValidator : IValidator<SaveScenarioCommand>
{
    public void Validate(SaveScenarioCommand r, ValidationErrors e)
    {
        try
        {
            var scenario = ScenarioLoader.Parse(r.ScenarioJson);
            e.Require(scenario.Name.Length <= SavedScenarioConfiguration.NameMaxLength, "scenario",
                $"name must be at most {SavedScenarioConfiguration.NameMaxLength} characters");
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

internal sealed class SaveScenarioHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<SaveScenarioCommand, Result<ScenarioSaved>>
{
    public async Task<Result<ScenarioSaved>> Handle(SaveScenarioCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var name = ScenarioLoader.Parse(command.ScenarioJson).Name;
        var saved = new SavedScenario
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            ScenarioJson = command.ScenarioJson,
            SavedBy = command.SavedBy,
            CreatedAt = now.UtcDateTime,
        };
        db.SavedScenarios.Add(saved);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new ScenarioSaved(saved.Id, name);
    }
}

internal sealed class ListSavedScenariosHandler(LedgerDbContext db) : IRequestHandler<ListSavedScenariosQuery, Result<IReadOnlyList<SavedScenarioSummary>>>
{
    public async Task<Result<IReadOnlyList<SavedScenarioSummary>>> Handle(ListSavedScenariosQuery query, CancellationToken ct) =>
        await db.SavedScenarios.AsNoTracking()
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Take(ListSavedScenariosQuery.Take)
            .Select(s => new SavedScenarioSummary(s.Id, s.Name, s.CreatedAt))
            .ToListAsync(ct).ConfigureAwait(false);
}

internal sealed class GetSavedScenarioHandler(LedgerDbContext db) : IRequestHandler<GetSavedScenarioQuery, Result<SavedScenarioView>>
{
    public async Task<Result<SavedScenarioView>> Handle(GetSavedScenarioQuery query, CancellationToken ct)
    {
        var saved = await db.SavedScenarios.AsNoTracking().Where(s => s.Id == query.ScenarioId)
            .Select(s => new SavedScenarioView(s.Id, s.Name, s.ScenarioJson, s.CreatedAt))
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return saved is null ? Error.NotFound("Saved scenario", query.ScenarioId) : saved;
    }
}
