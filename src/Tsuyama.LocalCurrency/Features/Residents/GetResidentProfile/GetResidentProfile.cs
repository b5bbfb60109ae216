using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Residents.GetResidentProfile;

/// <summary>Who a resident is for the counter: name, e-mail, whether they can sign in, and their identity check.</summary>
public sealed record GetResidentProfileQuery(Guid ResidentId) : IQuery<ResidentProfile>;

public sealed record ResidentCheck(string Method, DateOnly CheckedOn, string? CheckedByEmail);

/// <param name="HasSignIn">False for a resident served only at the counter (registered without a password).</param>
public sealed record ResidentProfile(Guid ResidentId, string DisplayName, string Email, bool HasSignIn, DateTime CreatedAt, ResidentCheck? Verification);

internal sealed class GetResidentProfileHandler(LedgerDbContext db, ICurrentActor actor) : IRequestHandler<GetResidentProfileQuery, Result<ResidentProfile>>
{
    public async Task<Result<ResidentProfile>> Handle(GetResidentProfileQuery query, CancellationToken ct)
    {
        if (CityDesk.CounterOrAdmin(actor, "see a resident") is { } denied)
        {
            return denied;
        }

        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.ResidentId, ct).ConfigureAwait(false);
        if (resident is null)
        {
            return Error.NotFound("Resident", query.ResidentId);
        }

        var check = await (
            from v in db.ResidentVerifications.AsNoTracking()
            where v.ResidentId == query.ResidentId
            join u in db.Users on v.CheckedBy equals u.Id into staff
            from s in staff.DefaultIfEmpty()
            select new ResidentCheck(v.Method, v.CheckedOn, s.Email)).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var hasSignIn = await db.Users.AnyAsync(u => u.Id == query.ResidentId, ct).ConfigureAwait(false);
        return new ResidentProfile(resident.Id, resident.DisplayName, resident.Email, hasSignIn, resident.CreatedAt, check);
    }
}
