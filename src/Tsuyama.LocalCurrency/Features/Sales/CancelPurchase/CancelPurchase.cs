using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.CancelPurchase;

/// <summary>
/// Counter or Admin staff cancel a purchase and refund its yen at the counter, only while none of
/// its points has been spent (or expired). The issuance is reversed by journal transfers back to
/// the issuer; the units, the personal limit and the premium return to the program.
/// </summary>
public sealed record CancelPurchaseCommand(Guid PurchaseId, string Reason, string Actor, string? IdempotencyKey)
    : ICommand<PurchaseCancelled>, IIdempotentCommand
{
    public string IdempotencyScope => Actor;
}

public sealed record PurchaseCancelled(Guid PurchaseId, long RefundYen, long PointsReversed);

internal sealed class CancelPurchaseValidator : IValidator<CancelPurchaseCommand>
{
    public void Validate(CancelPurchaseCommand r, ValidationErrors e) => e.NotBlank(r.Reason, "reason", 200);
}

internal sealed class CancelPurchaseHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<CancelPurchaseCommand, Result<PurchaseCancelled>>
{
    public async Task<Result<PurchaseCancelled>> Handle(CancelPurchaseCommand command, CancellationToken ct)
    {
        var purchase = await db.Purchases.FirstOrDefaultAsync(p => p.Id == command.PurchaseId, ct).ConfigureAwait(false);
        if (purchase is null)
        {
            return Error.NotFound("Purchase", command.PurchaseId);
        }

        if (purchase.CancelledAt is not null)
        {
            return new Error(ProblemTypes.AlreadyCancelled, "取消済みです / Already cancelled",
                $"Purchase '{purchase.Id}' was cancelled at {purchase.CancelledAt:u}.", 409);
        }

        var lots = await db.Lots.Where(l => l.Source == LotSource.Purchase && l.SourceId == purchase.Id).ToListAsync(ct).ConfigureAwait(false);
        if (lots.Any(l => l.Remaining != l.OriginalAmount))
        {
            return Error.Rule(ProblemTypes.PointsAlreadySpent, "使用済みのポイントがあります / Points already used",
                $"{lots.Sum(l => l.OriginalAmount - l.Remaining):N0} points of purchase '{purchase.Id}' were spent or expired; it can no longer be cancelled.");
        }

        var program = await db.Programs.AsNoTracking().FirstAsync(p => p.Id == purchase.ProgramId, ct).ConfigureAwait(false);
        var journal = new Journal(db, clock);
        foreach (var lot in lots)
        {
            await db.ConsumeAsync(lot.Id, lot.Remaining, ct).ConfigureAwait(false);
            journal.Post(program.Id, lot.Kind, purchase.ResidentId, program.IssuerAccountId, lot.Remaining, TransferType.IssueReversal, purchase.Id);
        }

        if (await journal.ApplyAsync(ct).ConfigureAwait(false) is { } error)
        {
            return error;
        }

        var units = purchase.Units;
        await db.Programs.Where(p => p.Id == program.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UnitsSold, p => p.UnitsSold - units), ct).ConfigureAwait(false);
        await db.ResidentProgramUsages.Where(u => u.ResidentId == purchase.ResidentId && u.ProgramId == program.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.UnitsBought, u => u.UnitsBought - units), ct).ConfigureAwait(false);
        var premium = purchase.Points - purchase.PaidYen;
        if (premium > 0)
        {
            await db.ProgramSales.Where(s => s.ProgramId == program.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.PremiumCommitted, x => x.PremiumCommitted - premium), ct).ConfigureAwait(false);
        }

        var now = clock.GetUtcNow();
        purchase.CancelledAt = now.UtcDateTime;
        purchase.CancelledBy = command.Actor;
        purchase.CancelReason = command.Reason;
        if (purchase.ApplicationId is { } applicationId)
        {
            await db.SalesApplications.Where(a => a.Id == applicationId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Cancelled), ct).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        if (await db.ProgramSales.AsNoTracking().FirstOrDefaultAsync(s => s.ProgramId == program.Id, ct).ConfigureAwait(false) is { } sales)
        {
            // The units are free again: the next on the waiting list gets them.
            await Allocation.FillWaitingListAsync(db, sales, now, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        return new PurchaseCancelled(purchase.Id, purchase.PaidYen, lots.Sum(l => l.OriginalAmount));
    }
}
