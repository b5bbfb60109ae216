using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class HistoryApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task History_AfterAPartRefund_ShowsTheRefundWithTheShopAndThePaymentDetailListsIt()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var shop = await _api.MerchantAsync();
        await _api.BuyAsync(resident, program);
        var paid = await Api.JsonAsync(await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await _api.StoreQrAsync(shop.Id), amount = 8_000 }));
        var paymentId = paid["paymentId"]!.GetValue<Guid>();
        (await _api.PostMovingAsync(shop.Client, $"/api/v1/payments/{paymentId}/refunds", new { amount = 2_000 })).StatusCode.Should().Be(HttpStatusCode.Created);

        var history = await resident.Client.GetFromJsonAsync<JsonObject>("/api/v1/history");
        var detail = await resident.Client.GetFromJsonAsync<JsonObject>($"/api/v1/history/{paymentId}");

        var items = history!["items"]!.AsArray();
        items.Select(i => (i!["kind"]!.GetValue<string>(), i["points"]!.GetValue<long>(), i["balanceAfter"]!.GetValue<long>()))
            .Should().Equal(("refund", 2_000L, 7_000L), ("payment", -8_000L, 5_000L), ("purchase", 13_000L, 13_000L));
        items[0]!["storeName"]!.GetValue<string>().Should().Be("城下町ベーカリー");
        detail!["refunds"]!.AsArray().Single()!["points"]!.GetValue<long>().Should().Be(2_000);
        detail["parts"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task HistoryEntry_OfSomeoneElse_IsNotFound()
    {
        var resident = await _api.ResidentAsync();

        await Api.ProblemAsync(await resident.Client.GetAsync($"/api/v1/history/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not-found");
    }
}
