using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.GetCounterPrograms;

/// <summary>The programs a walk-in may buy at the counter today (JST): on sale, and not sold by lottery.</summary>
public sealed record GetCounterProgramsQuery : IQuery<IReadOnlyList<CounterProgram>>;

public sealed record CounterProgram(string Code, string Name, long UnitPriceYen, long GeneralPointsPerUnit, long SmallBusinessPointsPerUnit,
    int MaxUnitsPerResident, DateOnly SalesUntil);

internal sealed class GetCounterProgramsHandler(LedgerDbContext db, TimeProvider clock, ICurrentActor actor)
    : IRequestHandler<GetCounterProgramsQuery, Result<IReadOnlyList<CounterProgram>>>
{
    public async Task<Result<IReadOnlyList<CounterProgram>>> Handle(GetCounterProgramsQuery query, CancellationToken ct)
    {
        if (CityDesk.CounterOrAdmin(actor, "sell vouchers at the counter") is { } denied)
        {
            return denied;
        }

        var today = JapanTime.Today(clock);
        var programs = await db.Programs.AsNoTracking()
            .Where(p => p.SalesFrom <= today && p.SalesUntil >= today
                && !db.ProgramSales.Any(s => s.ProgramId == p.Id && s.Rule == AllocationRule.Lottery))
            .OrderBy(p => p.SalesUntil).ThenBy(p => p.Code)
            .Select(p => new CounterProgram(p.Code, p.Name, p.UnitPriceYen, p.GeneralPointsPerUnit, p.SmallBusinessPointsPerUnit, p.MaxUnitsPerResident,
                p.SalesUntil))
            .ToListAsync(ct).ConfigureAwait(false);
        return programs;
    }
}
