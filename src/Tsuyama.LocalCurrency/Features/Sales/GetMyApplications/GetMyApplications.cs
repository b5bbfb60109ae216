using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.GetMyApplications;

/// <summary>A resident's applications, newest first, with what is due and by when.</summary>
public sealed record GetMyApplicationsQuery(Guid ResidentId) : IQuery<IReadOnlyList<ApplicationView>>;

internal sealed class GetMyApplicationsHandler(LedgerDbContext db) : IRequestHandler<GetMyApplicationsQuery, Result<IReadOnlyList<ApplicationView>>>
{
    public async Task<Result<IReadOnlyList<ApplicationView>>> Handle(GetMyApplicationsQuery query, CancellationToken ct)
    {
        var rows = await (
            from a in db.SalesApplications.AsNoTracking()
            join p in db.Programs.AsNoTracking() on a.ProgramId equals p.Id
            where a.ResidentId == query.ResidentId
            select new { a, p }).ToListAsync(ct).ConfigureAwait(false);
        return rows.OrderByDescending(x => x.a.AppliedAt).Select(x => ApplicationView.Of(x.a, x.p)).ToList();
    }
}
