using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Sales.SetSalesRules;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.GetSalesRules;

/// <summary>How a program is sold, with its counters (premium committed, units reserved, whether drawn). Public information.</summary>
public sealed record GetSalesRulesQuery(string ProgramCode) : IQuery<SalesRules>;

internal sealed class GetSalesRulesHandler(LedgerDbContext db) : IRequestHandler<GetSalesRulesQuery, Result<SalesRules>>
{
    public async Task<Result<SalesRules>> Handle(GetSalesRulesQuery query, CancellationToken ct)
    {
        var sales = await (
            from s in db.ProgramSales.AsNoTracking()
            join p in db.Programs.AsNoTracking() on s.ProgramId equals p.Id
            where p.Code == query.ProgramCode
            select s).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return sales is null ? Error.NotFound("Sales rules of program", query.ProgramCode) : SalesRulesView.Of(query.ProgramCode, sales);
    }
}
