using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Expiry.ExpirePoints;

/// <summary>
/// Moves the remaining points of up to <see cref="BatchSize"/> resident lots whose last valid day
/// (JST, inclusive) is before <see cref="AsOf"/> to the program's expired account. One batch per
/// transaction keeps each lock short; <see cref="ExpiryRunner"/> repeats until none remain.
/// Merchant balances are never touched: only lots expire.
/// </summary>
public sealed record ExpirePointsCommand(DateOnly AsOf, int BatchSize = 1000) : ICommand<ExpiryBatchDone>;

public sealed record ExpiryBatchDone(int Lots, long Points, bool MoreRemaining);

internal sealed class ExpirePointsValidator : IValidator<ExpirePointsCommand>
{
    public const int MaxBatchSize = 10_000;

    public void Validate(ExpirePointsCommand r, ValidationErrors e) =>
        e.Require(r.BatchSize is > 0 and <= MaxBatchSize, "batchSize", $"must be from 1 to {MaxBatchSize}");
}

internal sealed class ExpirePointsHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<ExpirePointsCommand, Result<ExpiryBatchDone>>
{
    public async Task<Result<ExpiryBatchDone>> Handle(ExpirePointsCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        if (command.AsOf > today)
        {
            // Expiring "as of" a future day would take points that are still valid today.
            return Error.Rule(ProblemTypes.DateInFuture, "基準日が未来です / As-of date in the future",
                $"Points can only be expired as of today ({today:yyyy-MM-dd}, JST) or earlier, not {command.AsOf:yyyy-MM-dd}.");
        }

        var lots = await (
            from l in db.Lots.Where(LotRules.ExpiredOn(command.AsOf))
            join p in db.Programs on l.ProgramId equals p.Id
            orderby l.ExpiresOn, l.Id
            select new { l.Id, l.ResidentId, l.ProgramId, l.Kind, l.Remaining, p.ExpiredAccountId })
            .Take(command.BatchSize).ToListAsync(ct).ConfigureAwait(false);
        if (lots.Count == 0)
        {
            return new ExpiryBatchDone(0, 0, false);
        }

        var operationId = Guid.CreateVersion7(now);
        var journal = new Journal(db, clock);
        foreach (var lot in lots)
        {
            // Guarded like a payment: if the lot was spent meanwhile the whole batch is retried.
            await db.ConsumeAsync(lot.Id, lot.Remaining, ct).ConfigureAwait(false);
        }

        foreach (var g in lots.GroupBy(l => (l.ResidentId, l.ProgramId, l.Kind, l.ExpiredAccountId)))
        {
            journal.Post(g.Key.ProgramId, g.Key.Kind, g.Key.ResidentId, g.Key.ExpiredAccountId, g.Sum(l => l.Remaining), TransferType.Expiry, operationId);
        }

        if (await journal.ApplyAsync(ct).ConfigureAwait(false) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var more = lots.Count == command.BatchSize
            && await db.Lots.AnyAsync(LotRules.ExpiredOn(command.AsOf), ct).ConfigureAwait(false);
        return new ExpiryBatchDone(lots.Count, lots.Sum(l => l.Remaining), more);
    }
}
