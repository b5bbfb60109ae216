using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common.Behaviours;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales;

/// <summary>
/// Units held for applications. Free units = total − sold − reserved. Reservations change by an
/// update that expects the count it read (optimistic): a concurrent change makes the command retry.
/// </summary>
internal static class Allocation
{
    public static async Task<int> FreeUnitsAsync(LedgerDbContext db, Guid programId, CancellationToken ct)
    {
        var counts = await (
            from p in db.Programs
            join s in db.ProgramSales on p.Id equals s.ProgramId
            where p.Id == programId
            select new { p.TotalUnits, p.UnitsSold, s.UnitsReserved }).FirstAsync(ct).ConfigureAwait(false);
        return counts.TotalUnits - counts.UnitsSold - counts.UnitsReserved;
    }

    /// <summary>Reserves <paramref name="units"/> if that many are free; false (nothing changed) if not.</summary>
    public static async Task<bool> TryReserveAsync(LedgerDbContext db, Guid programId, int units, CancellationToken ct)
    {
        if (units > await FreeUnitsAsync(db, programId, ct).ConfigureAwait(false))
        {
            return false;
        }

        await ChangeReservedAsync(db, programId, units, ct).ConfigureAwait(false);
        return true;
    }

    public static Task ReleaseAsync(LedgerDbContext db, Guid programId, int units, CancellationToken ct) => ChangeReservedAsync(db, programId, -units, ct);

    public static void MarkWon(SalesApplication application, ProgramSales sales, DateTimeOffset now)
    {
        application.Status = ApplicationStatus.Won;
        application.AllocatedAt = now.UtcDateTime;
        application.PayBy = JapanTime.DateOf(now).AddDays(sales.PaymentDays);
    }

    /// <summary>
    /// Allocates released units to the waiting list: in drawn order (lottery) or arrival order
    /// (first come), whole applications only; one that does not fit keeps its place and a later,
    /// smaller one may be allocated. Returns how many applications were allocated.
    /// </summary>
    public static async Task<int> FillWaitingListAsync(LedgerDbContext db, ProgramSales sales, DateTimeOffset now, CancellationToken ct)
    {
        var free = await FreeUnitsAsync(db, sales.ProgramId, ct).ConfigureAwait(false);
        if (free <= 0)
        {
            return 0;
        }

        var waiting = (await db.SalesApplications.Where(a => a.ProgramId == sales.ProgramId && a.Status == ApplicationStatus.Waiting)
                .ToListAsync(ct).ConfigureAwait(false))
            .OrderBy(a => a.DrawPosition ?? int.MaxValue).ThenBy(a => a.AppliedAt).ThenBy(a => a.Id).ToList();
        var reserved = 0;
        var allocated = 0;
        foreach (var application in waiting)
        {
            if (application.Units > free - reserved)
            {
                continue;
            }

            MarkWon(application, sales, now);
            reserved += application.Units;
            allocated++;
        }

        if (reserved > 0)
        {
            await ChangeReservedAsync(db, sales.ProgramId, reserved, ct).ConfigureAwait(false);
        }

        return allocated;
    }

    private static async Task ChangeReservedAsync(LedgerDbContext db, Guid programId, int delta, CancellationToken ct)
    {
        var current = await db.ProgramSales.Where(s => s.ProgramId == programId).Select(s => s.UnitsReserved).FirstAsync(ct).ConfigureAwait(false);
        var changed = await db.ProgramSales.Where(s => s.ProgramId == programId && s.UnitsReserved == current && current + delta >= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UnitsReserved, x => x.UnitsReserved + delta), ct).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new ConcurrencyConflictException($"Reserved units of program {programId} changed concurrently.");
        }
    }
}
