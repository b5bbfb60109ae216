namespace Tsuyama.LocalCurrency.Common;

/// <summary>Sign-in roles; their ids are fixed so migrations can seed them.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Merchant = "Merchant";
    public const string Resident = "Resident";
    public const string Chamber = "Chamber";

    /// <summary>
    /// A shop's till staff, added by the owner: receives payments, creates payment requests and
    /// charges codes for the shop (<c>LedgerUser.MerchantId</c>), but may not refund, pay suppliers
    /// or see settlements (<see cref="ShopStaff"/>).
    /// </summary>
    public const string Clerk = "Clerk";

    public static readonly IReadOnlyDictionary<string, Guid> Ids = new Dictionary<string, Guid>
    {
        [Admin] = new("0193a000-0000-7000-8000-000000000001"),
        [Merchant] = new("0193a000-0000-7000-8000-000000000002"),
        [Resident] = new("0193a000-0000-7000-8000-000000000003"),
        [Chamber] = new("0193a000-0000-7000-8000-000000000004"),
        // 5 is taken by the sales branch's Counter role.
        [Clerk] = new("0193a000-0000-7000-8000-000000000006"),
    };
}
