using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Grants.GrantPoints;

/// <summary>
/// An Admin grants points from a budget to one resident (named by e-mail or id). The row key makes
/// it idempotent: the same key again with the same grant answers "already granted" and grants
/// nothing; with another grant it is a conflict. The budget never goes below zero.
/// </summary>
public sealed record GrantPointsCommand(string BudgetCode, string Resident, long Points, string Reason, string RowKey, string Actor)
    : ICommand<PointsGranted>;

public sealed record PointsGranted(Guid GrantId, Guid ResidentId, long Points, DateOnly ExpiresOn, bool AlreadyGranted, long BudgetRemaining);

internal sealed class GrantPointsValidator : IValidator<GrantPointsCommand>
{
    public void Validate(GrantPointsCommand r, ValidationErrors e)
    {
        e.NotBlank(r.BudgetCode, "budgetCode", 32);
        e.NotBlank(r.Resident, "resident", 256);
        e.Positive(r.Points, "points", 1_000_000);
        e.NotBlank(r.Reason, "reason", 200);
        e.NotBlank(r.RowKey, "key", 100);
    }
}

internal sealed class GrantPointsHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<GrantPointsCommand, Result<PointsGranted>>
{
    public async Task<Result<PointsGranted>> Handle(GrantPointsCommand command, CancellationToken ct)
    {
        var budget = await db.GrantBudgets.AsNoTracking().FirstOrDefaultAsync(b => b.Code == command.BudgetCode, ct).ConfigureAwait(false);
        if (budget is null)
        {
            return Error.NotFound("Grant budget", command.BudgetCode);
        }

        var residentId = await ResidentIdAsync(command.Resident.Trim(), ct).ConfigureAwait(false);
        if (residentId is null)
        {
            return Error.NotFound("Resident", command.Resident);
        }

        var program = await db.Programs.AsNoTracking().FirstAsync(p => p.Id == budget.ProgramId, ct).ConfigureAwait(false);
        var earlier = await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.BudgetId == budget.Id && g.RowKey == command.RowKey, ct).ConfigureAwait(false);
        if (earlier is not null)
        {
            return earlier.ResidentId == residentId && earlier.Points == command.Points && earlier.Reason == command.Reason
                ? new PointsGranted(earlier.Id, earlier.ResidentId, earlier.Points, program.ExpiresOn, true, budget.RemainingPoints)
                : new Error(ProblemTypes.IdempotencyConflict, "行キーが別の付与に使われています / Row key reused",
                    $"Key '{command.RowKey}' already granted {earlier.Points} points to resident {earlier.ResidentId} from '{budget.Code}'.", 409);
        }

        var points = command.Points;
        var taken = await db.GrantBudgets.Where(b => b.Id == budget.Id && b.RemainingPoints >= points)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.RemainingPoints, b => b.RemainingPoints - points), ct).ConfigureAwait(false);
        if (taken == 0)
        {
            var left = await db.GrantBudgets.Where(b => b.Id == budget.Id).Select(b => b.RemainingPoints).FirstAsync(ct).ConfigureAwait(false);
            return Error.Rule(ProblemTypes.GrantBudgetExhausted, "予算が不足しています / Budget exhausted",
                $"Budget '{budget.Code}' has {left} points left; {points} were asked for.");
        }

        var now = clock.GetUtcNow();
        var grant = new Grant
        {
            Id = Guid.CreateVersion7(now),
            BudgetId = budget.Id,
            ProgramId = program.Id,
            ResidentId = residentId.Value,
            Points = points,
            Reason = command.Reason,
            RowKey = command.RowKey,
            GrantedBy = command.Actor,
            CreatedAt = now.UtcDateTime,
        };
        db.Grants.Add(grant);
        db.Lots.Add(new Lot
        {
            Id = Guid.CreateVersion7(now),
            ResidentId = grant.ResidentId,
            ProgramId = program.Id,
            Kind = PointKind.General,
            ExpiresOn = program.ExpiresOn,
            OriginalAmount = points,
            Remaining = points,
            Source = LotSource.Grant,
            SourceId = grant.Id,
            CreatedAt = now.UtcDateTime,
        });
        var journal = new Journal(db, clock);
        journal.Post(program.Id, PointKind.General, program.IssuerAccountId, grant.ResidentId, points, TransferType.Issue, grant.Id, fromIsIssuer: true);
        if (await journal.ApplyAsync(ct).ConfigureAwait(false) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new PointsGranted(grant.Id, grant.ResidentId, points, program.ExpiresOn, false, budget.RemainingPoints - points);
    }

    /// <summary>By id, or by e-mail compared as sign-in compares it (case-insensitive) when the resident has a login.</summary>
    private async Task<Guid?> ResidentIdAsync(string resident, CancellationToken ct)
    {
        if (Guid.TryParse(resident, out var id))
        {
            return await db.Residents.Where(x => x.Id == id).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        }

        var normalized = LedgerUser.NormalizeEmail(resident);
        return await db.Residents.Where(x => x.Email == resident || db.Users.Any(u => u.Id == x.Id && u.NormalizedEmail == normalized))
            .Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
    }
}