using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Clerks;

internal static class ClerkQueries
{
    /// <summary>The clerk sign-ins of one shop (the owner's own sign-in is not one).</summary>
    public static IQueryable<LedgerUser> Of(LedgerDbContext db, Guid merchantId)
    {
        var clerkRole = Roles.Ids[Roles.Clerk];
        return db.Users.Where(u => u.MerchantId == merchantId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == clerkRole));
    }
}
