using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Programs.ListPrograms;

/// <summary>
/// The city's voucher programs (not the grant budgets' own programs), newest sales first, with where each stands today (JST).
/// Public terms, like the sales rules; changing them is for the Admin only.
/// </summary>
public sealed record ListProgramsQuery : IQuery<IReadOnlyList<ProgramSummary>>;

public sealed record ProgramSummary(string Code, string Name, long UnitPriceYen, long GeneralPointsPerUnit, long SmallBusinessPointsPerUnit,
    int TotalUnits, int UnitsSold, DateOnly SalesFrom, DateOnly SalesUntil, DateOnly ExpiresOn, ProgramStatus Status);

internal sealed class ListProgramsHandler(LedgerDbContext db, TimeProvider clock)
    : IRequestHandler<ListProgramsQuery, Result<IReadOnlyList<ProgramSummary>>>
{
    public async Task<Result<IReadOnlyList<ProgramSummary>>> Handle(ListProgramsQuery query, CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        var programs = await db.Programs.AsNoTracking()
            .Where(p => !db.GrantBudgets.Any(g => g.ProgramId == p.Id))
            .ToListAsync(ct).ConfigureAwait(false);
        return programs
            .OrderByDescending(p => p.SalesFrom).ThenBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => new ProgramSummary(p.Code, p.Name, p.UnitPriceYen, p.GeneralPointsPerUnit, p.SmallBusinessPointsPerUnit, p.TotalUnits, p.UnitsSold,
                p.SalesFrom, p.SalesUntil, p.ExpiresOn, ProgramTerms.StatusOn(p, today)))
            .ToList();
    }
}
