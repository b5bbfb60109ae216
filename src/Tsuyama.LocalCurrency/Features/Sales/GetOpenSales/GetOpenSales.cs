using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.GetOpenSales;

/// <summary>
/// Voucher sales a resident can apply for now or soon (application window not over, JST), soonest closing
/// first, with what one unit costs and gives. Public information, as the paper leaflet is.
/// </summary>
public sealed record GetOpenSalesQuery : IQuery<IReadOnlyList<OpenSale>>;

public sealed record OpenSale(
    string ProgramCode,
    string Name,
    long UnitPriceYen,
    long GeneralPointsPerUnit,
    long SmallBusinessPointsPerUnit,
    int MaxUnitsPerResident,
    AllocationRule Rule,
    DateOnly ApplicationFrom,
    DateOnly ApplicationUntil,
    int PaymentDays,
    DateOnly ExpiresOn,
    bool IsOpen)
{
    public long PointsPerUnit => GeneralPointsPerUnit + SmallBusinessPointsPerUnit;
}

internal sealed class GetOpenSalesHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<GetOpenSalesQuery, Result<IReadOnlyList<OpenSale>>>
{
    public async Task<Result<IReadOnlyList<OpenSale>>> Handle(GetOpenSalesQuery query, CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        var rows = await (
            from s in db.ProgramSales.AsNoTracking()
            join p in db.Programs.AsNoTracking() on s.ProgramId equals p.Id
            where s.ApplicationUntil >= today
            select new { p, s }).ToListAsync(ct).ConfigureAwait(false);
        // The same window rule as ApplicationWindow: from and until inclusive.
        return rows
            .Select(x => new OpenSale(x.p.Code, x.p.Name, x.p.UnitPriceYen, x.p.GeneralPointsPerUnit, x.p.SmallBusinessPointsPerUnit,
                x.p.MaxUnitsPerResident, x.s.Rule, x.s.ApplicationFrom, x.s.ApplicationUntil, x.s.PaymentDays, x.p.ExpiresOn,
                ApplicationWindow.IsOpen(x.s, today)))
            .OrderByDescending(x => x.IsOpen).ThenBy(x => x.ApplicationUntil).ThenBy(x => x.ProgramCode, StringComparer.Ordinal)
            .ToList();
    }
}
