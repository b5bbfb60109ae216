using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Common.Behaviours;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales;

public sealed record PurchasedPoints(long General, long SmallBusiness);

public sealed record PointsPurchased(Guid PurchaseId, long PaidYen, PurchasedPoints Points);

/// <summary>How a confirmed payment came in; recorded on the purchase.</summary>
internal sealed record PaymentReceipt(long PaidYen, PurchaseChannel Channel, string Method, string? Note, string ConfirmedBy);

/// <summary>
/// The one place purchased points are issued: after a payment was confirmed at a counter or by the
/// payment provider. Checks verification, the yen, the sales window, units, the personal limit and
/// the premium budget, then issues lots and journal transfers and records the purchase.
/// </summary>
internal static class PurchaseIssuer
{
    /// <summary>What <paramref name="units"/> of the program cost and give; the counter's confirmation screen shows the same.</summary>
    public static (long PaidYen, PurchasedPoints Points) PriceOf(VoucherProgram program, int units) =>
        (checked(units * program.UnitPriceYen),
            new PurchasedPoints(checked(units * program.GeneralPointsPerUnit), checked(units * program.SmallBusinessPointsPerUnit)));

    public static async Task<Result<PointsPurchased>> IssueAsync(LedgerDbContext db, TimeProvider clock, VoucherProgram program,
        Guid residentId, int units, PaymentReceipt receipt, SalesApplication? application, CancellationToken ct)
    {
        if (!await db.ResidentVerifications.AnyAsync(v => v.ResidentId == residentId, ct).ConfigureAwait(false))
        {
            return await db.Residents.AnyAsync(x => x.Id == residentId, ct).ConfigureAwait(false)
                ? SalesProblems.NotVerifiedError(residentId)
                : Error.NotFound("Resident", residentId);
        }

        var (paidYen, points) = PriceOf(program, units);
        if (receipt.PaidYen != paidYen)
        {
            return Error.Rule(ProblemTypes.AmountMismatch, "金額が一致しません / Amount does not match",
                $"{units} units of '{program.Code}' cost ¥{paidYen:N0}; ¥{receipt.PaidYen:N0} was recorded.");
        }

        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        if (today < program.SalesFrom || today > program.SalesUntil)
        {
            return Error.Rule(ProblemTypes.SalesClosed, "販売期間外です / Not on sale",
                $"Program '{program.Code}' is on sale from {program.SalesFrom:yyyy-MM-dd} to {program.SalesUntil:yyyy-MM-dd} (JST).");
        }

        var sales = await db.ProgramSales.AsNoTracking().FirstOrDefaultAsync(s => s.ProgramId == program.Id, ct).ConfigureAwait(false);
        if (await TakeUnitsAsync(db, program, sales, units, application is not null, ct).ConfigureAwait(false) is { } unitsError)
        {
            return unitsError;
        }

        if (await ReservePersonalLimitAsync(db, program, residentId, units, ct).ConfigureAwait(false) is { } limitError)
        {
            return limitError;
        }

        var premium = points.General + points.SmallBusiness - paidYen;
        if (sales is not null && premium > 0)
        {
            var committed = await db.ProgramSales
                .Where(s => s.ProgramId == program.Id && (s.PremiumBudget == null || s.PremiumCommitted + premium <= s.PremiumBudget))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.PremiumCommitted, x => x.PremiumCommitted + premium), ct).ConfigureAwait(false);
            if (committed == 0)
            {
                var left = await db.ProgramSales.Where(s => s.ProgramId == program.Id)
                    .Select(s => s.PremiumBudget - s.PremiumCommitted).FirstAsync(ct).ConfigureAwait(false);
                return Error.Rule(ProblemTypes.PremiumBudgetExhausted, "プレミアム予算の上限に達しました / Premium budget reached",
                    $"This sale needs {premium:N0} points of premium but only {left:N0} remain in the budget of '{program.Code}'.");
            }
        }

        var purchaseId = Guid.CreateVersion7(now);
        var journal = new Journal(db, clock);
        foreach (var (kind, amount) in new[] { (PointKind.General, points.General), (PointKind.SmallBusiness, points.SmallBusiness) })
        {
            if (amount == 0)
            {
                continue;
            }

            db.Lots.Add(new Lot
            {
                Id = Guid.CreateVersion7(now),
                ResidentId = residentId,
                ProgramId = program.Id,
                Kind = kind,
                ExpiresOn = program.ExpiresOn,
                OriginalAmount = amount,
                Remaining = amount,
                Source = LotSource.Purchase,
                SourceId = purchaseId,
                CreatedAt = now.UtcDateTime,
            });
            journal.Post(program.Id, kind, program.IssuerAccountId, residentId, amount, TransferType.Issue, purchaseId, fromIsIssuer: true);
        }

        db.Purchases.Add(new Purchase
        {
            Id = purchaseId,
            ResidentId = residentId,
            ProgramId = program.Id,
            Units = units,
            PaidYen = paidYen,
            GeneralPoints = points.General,
            SmallBusinessPoints = points.SmallBusiness,
            CreatedAt = now.UtcDateTime,
            ApplicationId = application?.Id,
            Channel = receipt.Channel,
            PaymentMethod = receipt.Method,
            PaymentNote = receipt.Note,
            ConfirmedBy = receipt.ConfirmedBy,
        });
        if (await journal.ApplyAsync(ct).ConfigureAwait(false) is { } error)
        {
            return error;
        }

        if (application is not null)
        {
            application.PurchaseId = purchaseId;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new PointsPurchased(purchaseId, paidYen, points);
    }

    /// <summary>
    /// A winner's units were reserved at allocation and move from reserved to sold; a walk-in sale
    /// may only take units nobody holds a reservation for.
    /// </summary>
    private static async Task<Error?> TakeUnitsAsync(LedgerDbContext db, VoucherProgram program, ProgramSales? sales, int units, bool reserved,
        CancellationToken ct)
    {
        var reservedUnits = sales?.UnitsReserved ?? 0;
        if (reserved)
        {
            var released = await db.ProgramSales
                .Where(s => s.ProgramId == program.Id && s.UnitsReserved == reservedUnits && s.UnitsReserved >= units)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.UnitsReserved, x => x.UnitsReserved - units), ct).ConfigureAwait(false);
            if (released == 0)
            {
                throw new ConcurrencyConflictException($"Reserved units of '{program.Code}' changed while a payment was confirmed.");
            }

            reservedUnits -= units;
        }

        var free = units + reservedUnits;
        var sold = await db.Programs
            .Where(p => p.Id == program.Id && p.UnitsSold + free <= p.TotalUnits)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UnitsSold, p => p.UnitsSold + units), ct).ConfigureAwait(false);
        if (sold == 1)
        {
            return null;
        }

        var left = await db.Programs.Where(p => p.Id == program.Id).Select(p => p.TotalUnits - p.UnitsSold).FirstAsync(ct).ConfigureAwait(false);
        return Error.LimitExceeded($"Only {Math.Max(0, left - reservedUnits)} units of '{program.Code}' are left for sale.");
    }

    private static async Task<Error?> ReservePersonalLimitAsync(LedgerDbContext db, VoucherProgram program, Guid residentId, int units, CancellationToken ct)
    {
        var max = program.MaxUnitsPerResident;
        var raised = await db.ResidentProgramUsages
            .Where(u => u.ResidentId == residentId && u.ProgramId == program.Id && u.UnitsBought + units <= max)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.UnitsBought, u => u.UnitsBought + units), ct).ConfigureAwait(false);
        if (raised == 1)
        {
            return null;
        }

        var bought = await db.ResidentProgramUsages
            .Where(u => u.ResidentId == residentId && u.ProgramId == program.Id)
            .Select(u => (int?)u.UnitsBought).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (bought is null && units <= max)
        {
            db.ResidentProgramUsages.Add(new ResidentProgramUsage { ResidentId = residentId, ProgramId = program.Id, UnitsBought = units });
            return null;
        }

        return Error.LimitExceeded($"Each resident may buy at most {max} units of '{program.Code}'; already bought {bought ?? 0}.");
    }
}
