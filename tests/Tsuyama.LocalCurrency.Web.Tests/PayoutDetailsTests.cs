using System.Net;
using System.Net.Http.Json;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class PayoutDetailsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    private static object Merchant(string holderKana) => new
    {
        name = "山田商店", nameKana = "ヤマダショウテン", nameRomaji = "Yamada Shoten", category = "5411", size = "small", postalCode = "708-0022",
        ownerEmail = $"m{Guid.NewGuid():N}@test.example", ownerPassword = "MerchantPass1",
        payout = new { bankCode = "0168", branchCode = "101", accountType = "ordinary", accountNumber = "1234567", holderKana },
    };

    [Theory]
    [InlineData("山田太郎")]                                      // kanji: not in the Zengin character set
    [InlineData("ヤマダタロウヤマダタロウヤマダタロウヤマダタロウヤマダタロウ")] // 40 characters in bank kana, the file holds 30
    [InlineData("ﾔﾏﾀﾞ🍞")]
    public async Task RegisterMerchant_WithAPayoutNameTheBankFileCannotCarry_IsAValidationErrorNamingHolderKana(string holder)
    {
        var response = await _api.PostAsync(await _api.AdminAsync(), "/api/v1/merchants", Merchant(holder));

        var errors = (await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation"))["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().Contain("payout.holderKana");
    }

    [Fact]
    public async Task RegisterMerchant_WithFullWidthKana_StoresTheHalfWidthBankKanaTheFileWrites()
    {
        var admin = await _api.AdminAsync();
        var created = await _api.PostAsync(admin, "/api/v1/merchants", Merchant("ヤマダ　タロウ"));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await Api.JsonAsync(created))["merchantId"]!.GetValue<Guid>();

        var holder = await _api.Factory.WithDbAsync(db => Task.FromResult(db.Merchants.Where(m => m.Id == id).Select(m => m.Payout.HolderKana).Single()));

        holder.Should().Be("ﾔﾏﾀﾞ ﾀﾛｳ");
    }

    [Fact]
    public async Task CorrectPayout_ByAnAdmin_ValidatesAndNormalises_AndIsAdminOnly()
    {
        var admin = await _api.AdminAsync();
        var shop = await _api.MerchantAsync();
        object Payout(string holder) => new { bankCode = "0001", branchCode = "002", accountType = "current", accountNumber = "7654321", holderKana = holder };

        var bad = await admin.PutAsJsonAsync($"/api/v1/merchants/{shop.Id}/payout", Payout("山田太郎"));
        var good = await admin.PutAsJsonAsync($"/api/v1/merchants/{shop.Id}/payout", Payout("かぶしきがいしゃやまだ"));
        var unknown = await admin.PutAsJsonAsync($"/api/v1/merchants/{Guid.NewGuid()}/payout", Payout("ﾔﾏﾀﾞ"));
        var byShop = await shop.Client.PutAsJsonAsync($"/api/v1/merchants/{shop.Id}/payout", Payout("ﾔﾏﾀﾞ"));

        (await Api.ProblemAsync(bad, HttpStatusCode.BadRequest, "validation"))["errors"]!.AsObject().Select(e => e.Key).Should().Contain("payout.holderKana");
        good.StatusCode.Should().Be(HttpStatusCode.OK, await good.Content.ReadAsStringAsync());
        (await Api.JsonAsync(good))["holderKana"]!.GetValue<string>()
            .Should().Be("ｶ)ﾔﾏﾀﾞ", "legal forms are abbreviated the way banks register corporate accounts");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        byShop.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
