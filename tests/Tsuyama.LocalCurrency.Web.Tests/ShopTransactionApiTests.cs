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
        var paid = await Api.JsonAsync(await _api.PostMovingAsync(resident.Client, "/api/v1/payments",
            new { qrPayload = await _api.StoreQrAsync(shop.Id), amount = 1_500 }));
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

    [Theory]
    [InlineData("/api/v1/merchant/transactions/csv?from=0001-01-01&to=0001-01-01")]
    [InlineData("/api/v1/merchant/transactions/csv?from=9999-12-31&to=9999-12-31")]
    [InlineData("/api/v1/merchant/transactions?day=0001-01-01")]
    public async Task Transactions_WithADayOutsideTheLedger_IsAValidationProblemNotA500(string url)
    {
        var shop = await _api.MerchantAsync();

        await Api.ProblemAsync(await shop.Client.GetAsync(url), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task ShopPayment_OfAnotherShop_IsNotFound()
    {
        var shop = await _api.MerchantAsync();

        await Api.ProblemAsync(await shop.Client.GetAsync($"/api/v1/merchant/payments/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not-found");
    }
}

public sealed class ClerkApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Clerk_ChargesACodeForTheShop_ButIsRefusedARefund()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var shop = await _api.MerchantAsync();
        await _api.BuyAsync(resident, program);
        var email = $"c{Guid.NewGuid():N}@test.example";
        (await _api.PostAsync(shop.Client, "/api/v1/merchant/clerks", new { email, password = "ClerkPass1" })).StatusCode.Should().Be(HttpStatusCode.Created);
        var clerk = _api.As(await _api.TokenAsync(email, "ClerkPass1"));
        var code = await Api.JsonAsync(await _api.PostAsync(resident.Client, "/api/v1/payment-codes", null));

        var charged = await _api.PostMovingAsync(clerk, "/api/v1/merchant/charges", new { code = code["code"]!.GetValue<string>(), amount = 900 });
        var paymentId = (await Api.JsonAsync(charged))["paymentId"]!.GetValue<Guid>();
        var refund = await _api.PostMovingAsync(clerk, $"/api/v1/payments/{paymentId}/refunds", new { amount = 100 });

        charged.StatusCode.Should().Be(HttpStatusCode.Created);
        (await _api.MerchantBalanceAsync(shop)).Should().Be(900);
        var problem = await Api.ProblemAsync(refund, HttpStatusCode.Forbidden, "forbidden");
        problem["detail"]!.GetValue<string>().Should().Contain("owner");
    }
}
