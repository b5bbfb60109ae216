using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.GetProgramApplications;

/// <summary>
/// Counter and Admin staff look up a program's applications, e.g. a resident's winning one before
/// recording the yen; optionally only one resident's or one status. At most 500, in queue order.
/// </summary>
public sealed record GetProgramApplicationsQuery(string ProgramCode, Guid? ResidentId, ApplicationStatus? Status) : IQuery<IReadOnlyList<StaffApplicationView>>;

public sealed record StaffApplicationView(Guid ResidentId, string ResidentEmail, ApplicationView Application);

internal sealed class GetProgramApplicationsHandler(LedgerDbContext db)
    : IRequestHandler<GetProgramApplicationsQuery, Result<IReadOnlyList<StaffApplicationView>>>
{
    private const int Max = 500;

    public async Task<Result<IReadOnlyList<StaffApplicationView>>> Handle(GetProgramApplicationsQuery query, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Code == query.ProgramCode, ct).ConfigureAwait(false);
        if (program is null)
        {
            return Error.NotFound("Program", query.ProgramCode);
        }

        var rows = await (
                from a in db.SalesApplications.AsNoTracking()
                join x in db.Residents.AsNoTracking() on a.ResidentId equals x.Id
                where a.ProgramId == program.Id && (query.ResidentId == null || a.ResidentId == query.ResidentId)
                    && (query.Status == null || a.Status == query.Status)
                orderby a.DrawPosition ?? int.MaxValue, a.AppliedAt, a.Id
                select new { a, x.Email })
            .Take(Max).ToListAsync(ct).ConfigureAwait(false);
        return rows.Select(x => new StaffApplicationView(x.a.ResidentId, x.Email, ApplicationView.Of(x.a, program))).ToList();
    }
}
