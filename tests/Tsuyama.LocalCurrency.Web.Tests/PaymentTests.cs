using System.Net;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class PaymentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    private async Task<(Party Resident, Party Shop, string Program)> FundedAsync(string size = "small")
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var shop = await _api.MerchantAsync(size);
        await _api.BuyAsync(resident, program);
        return (resident, shop, program);
    }

    [Fact]
    public async Task Pay_WithStoreQrAndTypedAmount_MovesPointsAndReturnsTheBreakdown()
    {
        var (resident, shop, program) = await FundedAsync();

        var response = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await _api.StoreQrAsync(shop.Id), amount = 8_000 });
        var body = await Api.JsonAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        body["merchantId"]!.GetValue<Guid>().Should().Be(shop.Id);
        body["amount"]!.GetValue<long>().Should().Be(8_000);
        body["breakdown"]!.AsArray().Select(p => (p!["programCode"]!.GetValue<string>(), p["kind"]!.GetValue<string>(), p["points"]!.GetValue<long>()))
            .Should().Equal((program, "smallBusiness", 7_000L), (program, "general", 1_000L));
        (await _api.WalletTotalAsync(resident)).Should().Be(5_000);
        (await _api.MerchantBalanceAsync(shop)).Should().Be(8_000);
    }

    [Fact]
    public async Task Pay_WithStoreQrButNoAmount_ReturnsValidationProblem()
    {
        var (resident, shop, _) = await FundedAsync();

        var response = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await _api.StoreQrAsync(shop.Id) });

        (await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation"))["errors"]!["amount"].Should().NotBeNull();
    }

    [Fact]
    public async Task Pay_WhenBalanceTooLow_ReturnsInsufficientBalance()
    {
        var (resident, shop, _) = await FundedAsync();

        var response = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await _api.StoreQrAsync(shop.Id), amount = 13_001 });

        await Api.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "insufficient-balance");
        (await _api.WalletTotalAsync(resident)).Should().Be(13_000);
    }

    [Fact]
    public async Task Pay_AtLargeStoreWithOnlySmallBusinessPointsLeft_ReturnsMerchantNotEligible()
    {
        var (resident, store, _) = await FundedAsync("large");

        var response = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await _api.StoreQrAsync(store.Id), amount = 7_000 });

        await Api.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "merchant-not-eligible");
    }

    [Fact]
    public async Task Pay_WithACorruptedCrc_ReturnsInvalidQr()
    {
        var (resident, shop, _) = await FundedAsync();
        var payload = await _api.StoreQrAsync(shop.Id);
        var corrupted = payload[..^4] + (payload[^4..] == "0000" ? "0001" : "0000");

        var response = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = corrupted, amount = 100 });

        await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid-qr");
        (await _api.WalletTotalAsync(resident)).Should().Be(13_000);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData(
        "00020101021129300012D156000000000510A93FO3230Q31280012D15600000001030812345678" +
        "520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京" +
        "540523.7253031565502016233030412340603***0708A60086670902ME91320016A0112233449988770708123456786304A13A")]
    public async Task Pay_WithAPayloadThatIsNotOurs_ReturnsAProblemAndMovesNothing(string payload)
    {
        var (resident, _, _) = await FundedAsync();

        var response = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = payload, amount = 100 });

        ((int)response.StatusCode).Should().Be(400);
        (await _api.WalletTotalAsync(resident)).Should().Be(13_000);
    }

    [Fact]
    public async Task Pay_WithQrOfAnUnregisteredMerchant_ReturnsInvalidQr()
    {
        var (resident, shop, _) = await FundedAsync();
        var payload = (await _api.StoreQrAsync(shop.Id)).Replace(shop.Id.ToString("N"), Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
        payload = payload[..^4] + Crc(payload[..^4]);

        var response = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = payload, amount = 100 });

        await Api.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "invalid-qr");
    }

    [Fact]
    public async Task Pay_WithDynamicQr_PaysOnceThenTheCodeIsUsed()
    {
        var (resident, shop, _) = await FundedAsync();
        var request = await Api.JsonAsync(await _api.PostAsync(shop.Client, "/api/v1/merchant/payment-requests", new { amount = 1_200 }));
        var payload = request["payload"]!.GetValue<string>();

        var first = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = payload });
        var second = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = payload });

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        (await Api.JsonAsync(first))["amount"]!.GetValue<long>().Should().Be(1_200);
        await Api.ProblemAsync(second, HttpStatusCode.UnprocessableEntity, "expired");
        (await _api.WalletTotalAsync(resident)).Should().Be(11_800);
    }

    [Fact]
    public async Task Pay_WithDynamicQrAfterItsLifetime_ReturnsExpired()
    {
        var (resident, shop, _) = await FundedAsync();
        var request = await Api.JsonAsync(await _api.PostAsync(shop.Client, "/api/v1/merchant/payment-requests", new { amount = 500 }));
        factory.Clock.Advance(TimeSpan.FromMinutes(6));

        var response = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = request["payload"]!.GetValue<string>() });

        await Api.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "expired");
        (await _api.WalletTotalAsync(resident)).Should().Be(13_000);
    }

    [Fact]
    public async Task Pay_WithDynamicQrAndADifferentTypedAmount_ReturnsValidationProblem()
    {
        var (resident, shop, _) = await FundedAsync();
        var request = await Api.JsonAsync(await _api.PostAsync(shop.Client, "/api/v1/merchant/payment-requests", new { amount = 500 }));

        var response = await _api.PostMovingAsync(
            resident.Client,
            "/api/v1/payments",
            new { qrPayload = request["payload"]!.GetValue<string>(), amount = 400 });

        await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task PaymentCode_ChargedByAShop_PaysOnceAndIsThenUsed()
    {
        var (resident, shop, _) = await FundedAsync();
        var code = await Api.JsonAsync(await _api.PostAsync(resident.Client, "/api/v1/payment-codes", null));
        code["code"]!.GetValue<string>().Should().MatchRegex("^[0-9]{20}$");

        var first = await _api.PostMovingAsync(shop.Client, "/api/v1/merchant/charges", new { code = code["code"]!.GetValue<string>(), amount = 2_000 });
        var second = await _api.PostMovingAsync(shop.Client, "/api/v1/merchant/charges", new { code = code["code"]!.GetValue<string>(), amount = 2_000 });

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        await Api.ProblemAsync(second, HttpStatusCode.UnprocessableEntity, "expired");
        (await _api.WalletTotalAsync(resident)).Should().Be(11_000);
        (await _api.MerchantBalanceAsync(shop)).Should().Be(2_000);
    }

    [Fact]
    public async Task PaymentCode_AfterItsLifetime_ReturnsExpired()
    {
        var (resident, shop, _) = await FundedAsync();
        var code = await Api.JsonAsync(await _api.PostAsync(resident.Client, "/api/v1/payment-codes", null));
        factory.Clock.Advance(TimeSpan.FromMinutes(4));

        var response = await _api.PostMovingAsync(shop.Client, "/api/v1/merchant/charges", new { code = code["code"]!.GetValue<string>(), amount = 100 });

        await Api.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "expired");
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("12345678901234567890")]
    public async Task PaymentCode_MalformedOrUnknown_IsRefused(string code)
    {
        var (_, shop, _) = await FundedAsync();

        var response = await _api.PostMovingAsync(shop.Client, "/api/v1/merchant/charges", new { code, amount = 100 });

        ((int)response.StatusCode).Should().BeOneOf(400, 422);
        (await Api.JsonAsync(response))["type"]!.GetValue<string>().Should().EndWith("/invalid-qr");
    }

    [Fact]
    public async Task Refund_ByThePayee_ReturnsPointsAndByAnotherMerchantIsForbidden()
    {
        var (resident, shop, _) = await FundedAsync();
        var other = await _api.MerchantAsync();
        var payment = await Api.JsonAsync(await _api.PostMovingAsync(
            resident.Client,
            "/api/v1/payments",
            new { qrPayload = await _api.StoreQrAsync(shop.Id), amount = 3_000 }));
        var url = $"/api/v1/payments/{payment["paymentId"]!.GetValue<Guid>()}/refunds";

        var forbidden = await _api.PostMovingAsync(other.Client, url, new { amount = 1_000 });
        var refunded = await _api.PostMovingAsync(shop.Client, url, new { amount = 1_000 });
        var tooMuch = await _api.PostMovingAsync(shop.Client, url, new { amount = 2_001 });

        await Api.ProblemAsync(forbidden, HttpStatusCode.Forbidden, "forbidden");
        refunded.StatusCode.Should().Be(HttpStatusCode.Created);
        (await Api.JsonAsync(refunded))["amount"]!.GetValue<long>().Should().Be(1_000);
        await Api.ProblemAsync(tooMuch, HttpStatusCode.UnprocessableEntity, "refund-exceeds-payment");
        (await _api.WalletTotalAsync(resident)).Should().Be(11_000);
    }

    [Fact]
    public async Task MerchantTransfer_PaysASupplierLessTheFee()
    {
        var (resident, shop, _) = await FundedAsync();
        var supplier = await _api.MerchantAsync();
        await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await _api.StoreQrAsync(shop.Id), amount = 10_000 });

        var response = await _api.PostMovingAsync(shop.Client, "/api/v1/merchant/transfers", new { toMerchantId = supplier.Id, amount = 4_000 });
        var account = await shop.Client.GetStringAsync("/api/v1/merchant/account");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await Api.JsonAsync(response))["fee"]!.GetValue<long>().Should().Be(20);
        (await _api.MerchantBalanceAsync(supplier)).Should().Be(3_980);
        JsonNode.Parse(account)!["transactions"]!.AsArray().Should().HaveCountGreaterThanOrEqualTo(2);
    }

    private static string Crc(string body) =>
        Tsuyama.LocalCurrency.Qr.Crc16CcittFalse.ToHex(Tsuyama.LocalCurrency.Qr.Crc16CcittFalse.Compute(body.AsSpan()));
}
