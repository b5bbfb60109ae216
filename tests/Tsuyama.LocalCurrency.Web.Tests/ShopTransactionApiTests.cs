using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class ShopTransactionApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Transactions_TodayAndCsv_ShowThePaymentWithItsDisplayNumber()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var shop = await _api.MerchantAsync();
        await _api.BuyAsync(resident, program);
        var paid = await Api.JsonAsync(await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await _api.StoreQrAsync(shop.Id), amount = 1_500 }));
        var number = paid["displayNumber"]!.GetValue<string>();

        var day = await shop.Client.GetFromJsonAsync<JsonObject>("/api/v1/merchant/transactions");
        var detail = await shop.Client.GetFromJsonAsync<JsonObject>($"/api/v1/merchant/payments/{paid["paymentId"]}");
        var csv = await shop.Client.GetAsync("/api/v1/merchant/transactions/csv?from=2026-04-10&to=2026-04-10");

        day!["totals"]!["amount"]!.GetValue<long>().Should().Be(1_500);
        day["items"]!.AsArray().Single()!["displayNumber"]!.GetValue<string>().Should().Be(number);
        detail!["refundable"]!.GetValue<long>().Should().Be(1_500);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        csv.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("transactions-20260410-20260410.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        System.Text.Encoding.UTF8.GetString(bytes).Should().Contain($"2026-04-10 12:00:00,支払い,{number},1500");
    }

    [Fact]
    public async Task TransactionsCsv_WithoutDates_IsAValidationProblem()
    {
        var shop = await _api.MerchantAsync();

        await Api.ProblemAsync(await shop.Client.GetAsync("/api/v1/merchant/transactions/csv"), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task ShopPayment_OfAnotherShop_IsNotFound()
    {
        var shop = await _api.MerchantAsync();

        await Api.ProblemAsync(await shop.Client.GetAsync($"/api/v1/merchant/payments/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not-found");
    }
}
