using Microsoft.AspNetCore.Identity;

namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>A sign-in identity. For residents its id is also the resident id.</summary>
public sealed class LedgerUser : IdentityUser<Guid>
{
    /// <summary>For merchant staff: the merchant they act for.</summary>
    public Guid? MerchantId { get; set; }

    /// <summary>
    /// Set for a password someone else chose (an Admin reset, the bootstrap Admin in Production):
    /// until the user picks their own, a sign-in may only change the password or sign out.
    /// </summary>
    public bool PasswordChangeRequired { get; set; }
}
