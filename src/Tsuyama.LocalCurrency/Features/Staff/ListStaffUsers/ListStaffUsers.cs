using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Staff.ListStaffUsers;

/// <summary>Every Admin, Counter and Chamber sign-in, active ones first, with when it was deactivated.</summary>
public sealed record ListStaffUsersQuery : IQuery<IReadOnlyList<StaffUserView>>;

public sealed record StaffUserView(Guid UserId, string Email, IReadOnlyList<string> Roles, DateTime? DeactivatedAt);

internal sealed class ListStaffUsersHandler(LedgerDbContext db, ICurrentActor actor)
    : IRequestHandler<ListStaffUsersQuery, Result<IReadOnlyList<StaffUserView>>>
{
    private static readonly Guid[] StaffRoleIds = [Roles.Ids[Roles.Admin], Roles.Ids[Roles.Counter], Roles.Ids[Roles.Chamber]];

    public async Task<Result<IReadOnlyList<StaffUserView>>> Handle(ListStaffUsersQuery query, CancellationToken ct)
    {
        if (CityDesk.AdminOnly(actor, "list staff sign-ins") is { } denied)
        {
            return denied;
        }

        var rows = await (
            from ur in db.UserRoles
            join role in db.Roles on ur.RoleId equals role.Id
            join u in db.Users on ur.UserId equals u.Id
            where StaffRoleIds.Contains(ur.RoleId)
            select new { u.Id, u.Email, u.DeactivatedAt, Role = role.Name! }).AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        return rows.GroupBy(x => x.Id)
            .Select(g => new StaffUserView(g.Key, g.First().Email ?? "", g.Select(x => x.Role).Order(StringComparer.Ordinal).ToList(), g.First().DeactivatedAt))
            .OrderBy(v => v.DeactivatedAt is not null).ThenBy(v => v.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
