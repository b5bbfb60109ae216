using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class StoreApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    private Task<string> StoreNumberAsync(Guid merchant) =>
        factory.WithDbAsync(db => db.Merchants.Where(m => m.Id == merchant).Select(m => m.StoreNumber!).FirstAsync());

    [Fact]
    public async Task StoreDirectory_Anonymous_ListsShopsWithoutPrivateDetails()
    {
        var shop = await _api.MerchantAsync();
        var number = await StoreNumberAsync(shop.Id);

        var page = await _api.Anonymous().GetFromJsonAsync<JsonObject>($"/api/v1/stores?q={number}");

        var item = page!["items"]!.AsArray().Single()!.AsObject();
        item["merchantId"]!.GetValue<Guid>().Should().Be(shop.Id);
        item["storeNumber"]!.GetValue<string>().Should().Be(number);
        item["categoryJa"]!.GetValue<string>().Should().Be("パン・菓子店");
        item["size"]!.GetValue<string>().Should().Be("small");
        item["acceptsSmallBusiness"]!.GetValue<bool>().Should().BeTrue();
        item.Select(p => p.Key).Should().NotContain(["ownerEmail", "payout", "postalCode"]);
        page["total"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task StoreByNumber_Anonymous_ResolvesAndATypoIsAValidationProblem()
    {
        var shop = await _api.MerchantAsync("large");
        var number = await StoreNumberAsync(shop.Id);
        var typo = number[..5] + (char)('0' + ((number[5] - '0' + 1) % 10));

        var store = await _api.Anonymous().GetFromJsonAsync<JsonObject>($"/api/v1/stores/{number}");
        var refused = await _api.Anonymous().GetAsync($"/api/v1/stores/{typo}");

        store!["merchantId"]!.GetValue<Guid>().Should().Be(shop.Id);
        store["acceptsSmallBusiness"]!.GetValue<bool>().Should().BeFalse();
        await Api.ProblemAsync(refused, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task StoreDirectory_WithAPageSizeTooLarge_IsAValidationProblem() =>
        await Api.ProblemAsync(await _api.Anonymous().GetAsync("/api/v1/stores?pageSize=1000"), HttpStatusCode.BadRequest, "validation");

    [Fact]
    public async Task Sticker_PrintsTheStoreNumberUnderTheQr()
    {
        var shop = await _api.MerchantAsync();

        var html = await _api.Anonymous().GetStringAsync($"/api/v1/merchants/{shop.Id}/sticker");

        html.Should().Contain($"店舗番号 {await StoreNumberAsync(shop.Id)}");
        html.IndexOf("<svg", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("店舗番号", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pay_WithTypedStoreNumber_PaysThatShop()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var shop = await _api.MerchantAsync();
        await _api.BuyAsync(resident, program);

        var response = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { storeNumber = await StoreNumberAsync(shop.Id), amount = 2_500 });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await _api.MerchantBalanceAsync(shop)).Should().Be(2_500);
    }

    [Fact]
    public async Task RegisterMerchant_ReturnsTheStoreNumber()
    {
        var response = await _api.PostAsync(await _api.AdminAsync(), "/api/v1/merchants", new
        {
            name = "作州そば", nameKana = "サクシュウソバ", nameRomaji = "Sakushu Soba", category = "5812", size = "small", postalCode = "708-0022",
            ownerEmail = $"m{Guid.NewGuid():N}@test.example", ownerPassword = "MerchantPass1",
            payout = new { bankCode = "0168", branchCode = "101", accountType = "ordinary", accountNumber = "1234567", holderKana = "サクシュウソバ" },
        });

        var body = await Api.JsonAsync(response);
        body["storeNumber"]!.GetValue<string>().Should().MatchRegex("^[1-9][0-9]{5}$");
    }
}
