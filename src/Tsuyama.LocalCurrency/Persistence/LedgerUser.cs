using Microsoft.AspNetCore.Identity;

namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>A sign-in identity. For residents its id is also the resident id.</summary>
public sealed class LedgerUser : IdentityUser<Guid>
{
    /// <summary>
    /// How every sign-in, registration and lookup compares an e-mail address: trimmed and upper-cased,
    /// as Identity stores it in <see cref="IdentityUser{TKey}.NormalizedEmail"/>.
    /// </summary>
    public static string NormalizeEmail(string email) => email.Trim().ToUpperInvariant();

    /// <summary>For merchant staff: the merchant they act for.</summary>
    public Guid? MerchantId { get; set; }

    /// <summary>
    /// Set for a password someone else chose (an Admin reset, the bootstrap Admin in Production):
    /// until the user picks their own, a sign-in may only change the password or sign out.
    /// </summary>
    public bool PasswordChangeRequired { get; set; }

    /// <summary>
    /// Set when an Admin deactivated this staff sign-in (DeactivateStaffUser): it can no longer sign
    /// in, and its cookies and tokens are refused. The row stays, for the audit log's sake.
    /// </summary>
    public DateTime? DeactivatedAt { get; set; }
}
