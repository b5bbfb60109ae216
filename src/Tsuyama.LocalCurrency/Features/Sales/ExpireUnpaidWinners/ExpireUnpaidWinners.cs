using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.ExpireUnpaidWinners;

/// <summary>
/// The daily deadline job: allocated applications whose last payment day is before
/// <paramref name="AsOf"/> lapse, their units go back and the waiting list is filled. Running it
/// again for the same day finds nothing left to lapse and changes nothing.
/// </summary>
public sealed record ExpireUnpaidWinnersCommand(DateOnly AsOf) : ICommand<UnpaidWinnersExpired>;

public sealed record UnpaidWinnersExpired(DateOnly AsOf, int Lapsed, int UnitsReleased, int Promoted);

internal sealed class ExpireUnpaidWinnersHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<ExpireUnpaidWinnersCommand,
    Result<UnpaidWinnersExpired>>
{
    public async Task<Result<UnpaidWinnersExpired>> Handle(ExpireUnpaidWinnersCommand command, CancellationToken ct)
    {
        var overdue = await db.SalesApplications.Where(a => a.Status == ApplicationStatus.Won && a.PayBy < command.AsOf).ToListAsync(ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        int released = 0, promoted = 0;
        foreach (var group in overdue.GroupBy(a => a.ProgramId))
        {
            foreach (var application in group)
            {
                application.Status = ApplicationStatus.Lapsed;
            }

            var units = group.Sum(a => a.Units);
            released += units;
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await Allocation.ReleaseAsync(db, group.Key, units, ct).ConfigureAwait(false);
            var sales = await db.ProgramSales.AsNoTracking().FirstAsync(s => s.ProgramId == group.Key, ct).ConfigureAwait(false);
            promoted += await Allocation.FillWaitingListAsync(db, sales, now, ct).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new UnpaidWinnersExpired(command.AsOf, overdue.Count, released, promoted);
    }
}
