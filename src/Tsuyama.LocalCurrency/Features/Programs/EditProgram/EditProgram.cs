using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Programs.EditProgram;

/// <summary>
/// Changes a program's terms while nothing depends on them yet: before its first sales day (JST),
/// with no unit sold and no application (<see cref="ProgramTerms.EditRefusal"/>). The code stays.
/// The first sales day may not move into the past, and the last one not before an application
/// window already set for it.
/// </summary>
public sealed record EditProgramCommand(
    string Code,
    string Name,
    long UnitPriceYen,
    PointsPerUnit PointsPerUnit,
    int TotalUnits,
    int MaxUnitsPerResident,
    DateOnly SalesFrom,
    DateOnly SalesUntil,
    DateOnly ExpiresOn,
    int RedemptionFeeBasisPoints,
    bool AllowMerchantTransfers,
    int MerchantTransferFeeBasisPoints,
    int? RefundWindowDays = null,
    int RefundGraceDays = 0) : ICommand<ProgramEdited>;

public sealed record ProgramEdited(Guid ProgramId, string Code);

internal sealed class EditProgramValidator : IValidator<EditProgramCommand>
{
    public void Validate(EditProgramCommand r, ValidationErrors e)
    {
        e.NotBlank(r.Code, "code", 32);
        ProgramTerms.Validate(e, r.Name, r.UnitPriceYen, r.PointsPerUnit, r.TotalUnits, r.MaxUnitsPerResident, r.SalesFrom, r.SalesUntil, r.ExpiresOn,
            r.RedemptionFeeBasisPoints, r.MerchantTransferFeeBasisPoints, r.RefundWindowDays, r.RefundGraceDays);
    }
}

internal sealed class EditProgramHandler(LedgerDbContext db, TimeProvider clock, ICurrentActor actor)
    : IRequestHandler<EditProgramCommand, Result<ProgramEdited>>
{
    public async Task<Result<ProgramEdited>> Handle(EditProgramCommand command, CancellationToken ct)
    {
        if (CityAdmin.Only(actor, "edit a program") is { } refused)
        {
            return refused;
        }

        var p = await db.Programs.FirstOrDefaultAsync(x => x.Code == command.Code, ct).ConfigureAwait(false);
        if (p is null || await db.GrantBudgets.AnyAsync(g => g.ProgramId == p.Id, ct).ConfigureAwait(false))
        {
            return Error.NotFound("Program", command.Code);
        }

        var today = JapanTime.Today(clock);
        var anyApplication = await db.SalesApplications.AnyAsync(a => a.ProgramId == p.Id, ct).ConfigureAwait(false);
        if (ProgramTerms.EditRefusal(p, today, anyApplication) is { } fixedTerms)
        {
            return fixedTerms;
        }

        if (command.SalesFrom < today)
        {
            return Error.Validation("salesFrom", $"must not be before today ({today:yyyy-MM-dd}, JST)");
        }

        var sales = await db.ProgramSales.AsNoTracking().FirstOrDefaultAsync(s => s.ProgramId == p.Id, ct).ConfigureAwait(false);
        if (sales is not null && sales.ApplicationUntil > command.SalesUntil)
        {
            return Error.Validation("salesUntil", $"must not be before the end of the application window {sales.ApplicationUntil:yyyy-MM-dd}");
        }

        p.Name = command.Name;
        p.UnitPriceYen = command.UnitPriceYen;
        p.GeneralPointsPerUnit = command.PointsPerUnit.General;
        p.SmallBusinessPointsPerUnit = command.PointsPerUnit.SmallBusiness;
        p.TotalUnits = command.TotalUnits;
        p.MaxUnitsPerResident = command.MaxUnitsPerResident;
        p.SalesFrom = command.SalesFrom;
        p.SalesUntil = command.SalesUntil;
        p.ExpiresOn = command.ExpiresOn;
        p.RedemptionFeeBasisPoints = command.RedemptionFeeBasisPoints;
        p.AllowMerchantTransfers = command.AllowMerchantTransfers;
        p.MerchantTransferFeeBasisPoints = command.MerchantTransferFeeBasisPoints;
        p.RefundWindowDays = command.RefundWindowDays;
        p.RefundGraceDays = command.RefundGraceDays;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new ProgramEdited(p.Id, p.Code);
    }
}
