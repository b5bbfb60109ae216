namespace Tsuyama.LocalCurrency.FaultHarness;

/// <summary>The body of <c>POST /api/v1/merchants</c> for a small food shop, shared by every harness that registers one.</summary>
internal static class ShopRegistration
{
    public static object SmallShop(int number, string ownerEmail) => new
    {
        name = $"商店{number}",
        nameKana = "ショウテン",
        nameRomaji = "Shoten",
        category = "5411",
        size = "small",
        postalCode = "708-0022",
        ownerEmail,
        ownerPassword = "MerchantPass1",
        payout = new { bankCode = "0168", branchCode = "101", accountType = "ordinary", accountNumber = "1234567", holderKana = "ショウテン" },
    };
}
