using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Identity;

/// <summary>
/// Who signed in, as every host needs it to build its claims (bearer token or cookie).
/// <see cref="SecurityStamp"/> changes with every password change, reset and sign-out, so a
/// host that keeps it can tell a stale sign-in (<see cref="CurrentUser.GetCurrentUserQuery"/>).
/// </summary>
public sealed record SignedInUser(Guid UserId, string Email, IReadOnlyList<string> Roles, Guid? MerchantId, bool PasswordChangeRequired,
    string SecurityStamp)
{
    internal static async Task<SignedInUser?> LoadAsync(LedgerDbContext db, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking()
            // A deactivated staff sign-in is gone for every kept cookie, token and refresh.
            .Where(u => u.Id == userId && u.DeactivatedAt == null)
            .Select(u => new { u.Id, u.Email, u.MerchantId, u.PasswordChangeRequired, u.SecurityStamp })
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .OrderBy(n => n)
            .ToListAsync(ct).ConfigureAwait(false);
        return new SignedInUser(user.Id, user.Email ?? "", roles, user.MerchantId, user.PasswordChangeRequired, user.SecurityStamp ?? "");
    }
}
