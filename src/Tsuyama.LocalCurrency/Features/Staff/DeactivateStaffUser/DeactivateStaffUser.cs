using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Identity;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Staff.DeactivateStaffUser;

/// <summary>
/// An Admin deactivates a staff sign-in (someone left the office): it can no longer sign in, and its
/// cookies and tokens end at once (new security stamp, sessions revoked, <see cref="SignedInUser"/> no
/// longer loads it). The user row stays so the audit log still names who did what. An Admin cannot
/// deactivate themselves, so the office is never left without one by accident.
/// </summary>
public sealed record DeactivateStaffUserCommand(Guid UserId) : ICommand<StaffUserDeactivated>;

public sealed record StaffUserDeactivated(Guid UserId, DateTime DeactivatedAt);

internal sealed class DeactivateStaffUserHandler(LedgerDbContext db, ICurrentActor actor, TimeProvider clock)
    : IRequestHandler<DeactivateStaffUserCommand, Result<StaffUserDeactivated>>
{
    private static readonly Guid[] StaffRoleIds = [Roles.Ids[Roles.Admin], Roles.Ids[Roles.Counter], Roles.Ids[Roles.Chamber]];

    public async Task<Result<StaffUserDeactivated>> Handle(DeactivateStaffUserCommand command, CancellationToken ct)
    {
        if (CityDesk.AdminOnly(actor, "deactivate staff sign-ins") is { } denied)
        {
            return denied;
        }

        if (actor.Current?.UserId == command.UserId)
        {
            return Error.Rule(ProblemTypes.CannotDeactivateSelf, "ご自身は無効にできません / You cannot deactivate yourself",
                "An Admin cannot deactivate their own sign-in; ask another Admin.");
        }

        var isStaff = await db.UserRoles.AnyAsync(ur => ur.UserId == command.UserId && StaffRoleIds.Contains(ur.RoleId), ct).ConfigureAwait(false);
        var user = isStaff ? await db.Users.FirstOrDefaultAsync(u => u.Id == command.UserId, ct).ConfigureAwait(false) : null;
        if (user is null)
        {
            return Error.NotFound("Staff user", command.UserId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        user.DeactivatedAt ??= now;
        user.SecurityStamp = NewUser.NewSecurityStamp();
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await SignInSessions.RevokeAllAsync(db, user.Id, now, ct).ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new StaffUserDeactivated(user.Id, user.DeactivatedAt.Value);
    }
}
