using System.Net;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class QuoteApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task PaymentQuote_ForAStoreQr_ListsTheLotsAndChangesNothing()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var shop = await _api.MerchantAsync();
        await _api.BuyAsync(resident, program);

        var response = await _api.PostAsync(resident.Client, "/api/v1/payments/quote", new { qrPayload = await _api.StoreQrAsync(shop.Id), amount = 8_000 });
        var body = await Api.JsonAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body["storeName"]!.GetValue<string>().Should().Be("城下町ベーカリー");
        body["lots"]!.AsArray().Select(l => (l!["kind"]!.GetValue<string>(), l["points"]!.GetValue<long>()))
            .Should().Equal(("smallBusiness", 7_000L), ("general", 1_000L));
        body["spendableAfter"]!.GetValue<long>().Should().Be(5_000);
        (await _api.WalletTotalAsync(resident)).Should().Be(13_000);
    }

    [Fact]
    public async Task PaymentQuote_WhenBalanceTooLow_IsTheInsufficientBalanceProblem()
    {
        var resident = await _api.ResidentAsync();
        var shop = await _api.MerchantAsync();

        var response = await _api.PostAsync(resident.Client, "/api/v1/payments/quote", new { merchantId = shop.Id, amount = 100 });

        await Api.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "insufficient-balance");
    }

    [Fact]
    public async Task TransferQuote_ShowsTheFeeBeforeConfirming()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var shop = await _api.MerchantAsync();
        var supplier = await _api.MerchantAsync();
        await _api.BuyAsync(resident, program);
        await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await _api.StoreQrAsync(shop.Id), amount = 10_000 });

        var quote = await Api.JsonAsync(await _api.PostAsync(shop.Client, "/api/v1/merchant/transfers/quote", new { toMerchantId = supplier.Id, amount = 4_000 }));
        var made = await Api.JsonAsync(await _api.PostMovingAsync(shop.Client, "/api/v1/merchant/transfers", new { toMerchantId = supplier.Id, amount = 4_000 }));

        quote["fee"]!.GetValue<long>().Should().Be(made["fee"]!.GetValue<long>()).And.Be(20);
        quote["received"]!.GetValue<long>().Should().Be(3_980);
    }
}
