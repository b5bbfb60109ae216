using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Sales.SetSalesRules;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Programs.GetProgram;

/// <summary>One program's terms, its sales rules and counters, and what may still be done with it today (edit, close sales early).</summary>
public sealed record GetProgramQuery(string Code) : IQuery<ProgramDetail>;

/// <param name="EditRefusal">Why the terms can no longer change (null: they can).</param>
/// <param name="CanCloseSales">On sale and before its last sales day.</param>
public sealed record ProgramDetail(
    string Code,
    string Name,
    long UnitPriceYen,
    long GeneralPointsPerUnit,
    long SmallBusinessPointsPerUnit,
    int TotalUnits,
    int UnitsSold,
    int MaxUnitsPerResident,
    DateOnly SalesFrom,
    DateOnly SalesUntil,
    DateOnly ExpiresOn,
    int RedemptionFeeBasisPoints,
    bool AllowMerchantTransfers,
    int MerchantTransferFeeBasisPoints,
    int? RefundWindowDays,
    int RefundGraceDays,
    ProgramStatus Status,
    SalesRules? Sales,
    int Applications,
    string? EditRefusal,
    bool CanCloseSales)
{
    public bool Editable => EditRefusal is null;
}

internal sealed class GetProgramValidator : IValidator<GetProgramQuery>
{
    public void Validate(GetProgramQuery r, ValidationErrors e) => e.NotBlank(r.Code, "code", 32);
}

internal sealed class GetProgramHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<GetProgramQuery, Result<ProgramDetail>>
{
    public async Task<Result<ProgramDetail>> Handle(GetProgramQuery query, CancellationToken ct)
    {
        var p = await db.Programs.AsNoTracking().FirstOrDefaultAsync(x => x.Code == query.Code, ct).ConfigureAwait(false);
        if (p is null || await db.GrantBudgets.AnyAsync(g => g.ProgramId == p.Id, ct).ConfigureAwait(false))
        {
            return Error.NotFound("Program", query.Code);
        }

        var today = JapanTime.Today(clock);
        var sales = await db.ProgramSales.AsNoTracking().FirstOrDefaultAsync(s => s.ProgramId == p.Id, ct).ConfigureAwait(false);
        var applications = await db.SalesApplications.CountAsync(a => a.ProgramId == p.Id, ct).ConfigureAwait(false);
        return new ProgramDetail(p.Code, p.Name, p.UnitPriceYen, p.GeneralPointsPerUnit, p.SmallBusinessPointsPerUnit, p.TotalUnits, p.UnitsSold,
            p.MaxUnitsPerResident, p.SalesFrom, p.SalesUntil, p.ExpiresOn, p.RedemptionFeeBasisPoints, p.AllowMerchantTransfers,
            p.MerchantTransferFeeBasisPoints, p.RefundWindowDays, p.RefundGraceDays, ProgramTerms.StatusOn(p, today),
            sales is null ? null : SalesRulesView.Of(p.Code, sales), applications,
            ProgramTerms.EditRefusal(p, today, applications > 0)?.Detail, ProgramTerms.CloseRefusal(p, today) is null);
    }
}
