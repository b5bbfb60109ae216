using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Purchases.PurchasePoints;

/// <summary>A resident buys units of a program; points are issued as lots expiring with the program.</summary>
public sealed record PurchasePointsCommand(Guid ResidentId, string ProgramCode, int Units, string Caller, string? IdempotencyKey)
    : ICommand<PointsPurchased>, IIdempotentCommand
{
    public string IdempotencyScope => Caller;
}

public sealed record PurchasedPoints(long General, long SmallBusiness);

public sealed record PointsPurchased(Guid PurchaseId, long PaidYen, PurchasedPoints Points);

internal sealed class PurchasePointsValidator : IValidator<PurchasePointsCommand>
{
    public void Validate(PurchasePointsCommand r, ValidationErrors e)
    {
        e.NotBlank(r.ProgramCode, "programCode", 32);
        e.Positive(r.Units, "units", 10_000);
    }
}

internal sealed class PurchasePointsHandler(LedgerDbContext db, TimeProvider clock)
    : IRequestHandler<PurchasePointsCommand, Result<PointsPurchased>>
{
    public async Task<Result<PointsPurchased>> Handle(PurchasePointsCommand r, CancellationToken ct)
    {
        var journal = new Journal(db, clock);
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Code == r.ProgramCode, ct).ConfigureAwait(false);
        if (program is null)
        {
            return Error.NotFound("Program", r.ProgramCode);
        }

        if (!await db.Residents.AnyAsync(x => x.Id == r.ResidentId, ct).ConfigureAwait(false))
        {
            return Error.NotFound("Resident", r.ResidentId);
        }

        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        if (today < program.SalesFrom || today > program.SalesUntil)
        {
            return Error.Rule(ProblemTypes.SalesClosed, "販売期間外です / Not on sale",
                $"Program '{program.Code}' is on sale from {program.SalesFrom:yyyy-MM-dd} to {program.SalesUntil:yyyy-MM-dd} (JST).");
        }

        var units = r.Units;
        var sold = await db.Programs
            .Where(p => p.Id == program.Id && p.UnitsSold + units <= p.TotalUnits)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UnitsSold, p => p.UnitsSold + units), ct).ConfigureAwait(false);
        if (sold == 0)
        {
            var left = await db.Programs.Where(p => p.Id == program.Id).Select(p => p.TotalUnits - p.UnitsSold).FirstAsync(ct).ConfigureAwait(false);
            return Error.LimitExceeded($"Only {left} units of '{program.Code}' are left for sale.");
        }

        if (await ReservePersonalLimitAsync(program, r.ResidentId, units, ct).ConfigureAwait(false) is { } limitError)
        {
            return limitError;
        }

        var purchaseId = Guid.CreateVersion7(now);
        var points = new PurchasedPoints(units * program.GeneralPointsPerUnit, units * program.SmallBusinessPointsPerUnit);
        foreach (var (kind, amount) in new[] { (PointKind.General, points.General), (PointKind.SmallBusiness, points.SmallBusiness) })
        {
            if (amount == 0)
            {
                continue;
            }

            db.Lots.Add(new Lot
            {
                Id = Guid.CreateVersion7(now),
                ResidentId = r.ResidentId,
                ProgramId = program.Id,
                Kind = kind,
                ExpiresOn = program.ExpiresOn,
                OriginalAmount = amount,
                Remaining = amount,
                Source = LotSource.Purchase,
                SourceId = purchaseId,
                CreatedAt = now.UtcDateTime,
            });
            journal.Post(program.Id, kind, program.IssuerAccountId, r.ResidentId, amount, TransferType.Issue, purchaseId, fromIsIssuer: true);
        }

        var paidYen = checked(units * program.UnitPriceYen);
        db.Purchases.Add(new Purchase
        {
            Id = purchaseId,
            ResidentId = r.ResidentId,
            ProgramId = program.Id,
            Units = units,
            PaidYen = paidYen,
            GeneralPoints = points.General,
            SmallBusinessPoints = points.SmallBusiness,
            CreatedAt = now.UtcDateTime,
        });
        if (await journal.ApplyAsync(ct).ConfigureAwait(false) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new PointsPurchased(purchaseId, paidYen, points);
    }

    private async Task<Error?> ReservePersonalLimitAsync(VoucherProgram program, Guid residentId, int units, CancellationToken ct)
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
