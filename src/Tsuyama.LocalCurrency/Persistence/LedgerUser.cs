using Microsoft.AspNetCore.Identity;

namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>A sign-in identity. For residents its id is also the resident id.</summary>
public sealed class LedgerUser : IdentityUser<Guid>
{
    /// <summary>For merchant staff: the merchant they act for.</summary>
    public Guid? MerchantId { get; set; }
}
