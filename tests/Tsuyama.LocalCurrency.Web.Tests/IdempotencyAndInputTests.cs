using System.Net;
using System.Net.Http.Json;
using System.Text;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class IdempotencyAndInputTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    private async Task<(Party Resident, Party Shop, string Qr)> FundedAsync()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var shop = await _api.MerchantAsync();
        await _api.BuyAsync(resident, program);
        return (resident, shop, await _api.StoreQrAsync(shop.Id));
    }

    [Theory]
    [InlineData("/api/v1/payments")]
    [InlineData("/api/v1/purchases")]
    public async Task MovingPoints_WithoutIdempotencyKey_ReturnsValidationProblemAndChangesNothing(string url)
    {
        var (resident, _, qr) = await FundedAsync();
        var caller = url == "/api/v1/purchases" ? await _api.AdminAsync() : resident.Client;

        var response = await _api.PostAsync(caller, url, new { qrPayload = qr, amount = 100, programCode = "X", units = 1, residentId = resident.Id });

        (await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation"))["errors"]!["Idempotency-Key"].Should().NotBeNull();
        (await _api.WalletTotalAsync(resident)).Should().Be(13_000);
    }

    [Fact]
    public async Task Pay_ReplayedWithTheSameKey_ReturnsTheSameResultWithoutASecondPayment()
    {
        var (resident, shop, qr) = await FundedAsync();

        var first = await _api.PostAsync(resident.Client, "/api/v1/payments", new { qrPayload = qr, amount = 1_000 }, "same-key");
        var second = await _api.PostAsync(resident.Client, "/api/v1/payments", new { qrPayload = qr, amount = 1_000 }, "same-key");

        second.StatusCode.Should().Be(HttpStatusCode.Created);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        (await _api.MerchantBalanceAsync(shop)).Should().Be(1_000);
    }

    [Fact]
    public async Task Pay_SameKeyWithADifferentBody_ReturnsIdempotencyConflict()
    {
        var (resident, shop, qr) = await FundedAsync();
        await _api.PostAsync(resident.Client, "/api/v1/payments", new { qrPayload = qr, amount = 1_000 }, "conflict-key");

        var response = await _api.PostAsync(resident.Client, "/api/v1/payments", new { qrPayload = qr, amount = 2_000 }, "conflict-key");

        await Api.ProblemAsync(response, HttpStatusCode.Conflict, "idempotency-conflict");
        (await _api.MerchantBalanceAsync(shop)).Should().Be(1_000);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1000001")]
    [InlineData("99999999999999999999999")]
    [InlineData("12.5")]
    [InlineData("\"lots\"")]
    [InlineData("null")]
    [InlineData("true")]
    public async Task Pay_WithABadAmount_Returns400AndChangesNothing(string amountJson)
    {
        var (resident, shop, qr) = await FundedAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments")
        {
            Content = new StringContent($"{{\"qrPayload\":\"{qr}\",\"amount\":{amountJson}}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", _api.NewKey());

        var response = await resident.Client.SendAsync(request);

        await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        (await _api.WalletTotalAsync(resident)).Should().Be(13_000);
        (await _api.MerchantBalanceAsync(shop)).Should().Be(0);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task Pay_WithAMalformedBody_Returns400(string body)
    {
        var (resident, _, _) = await FundedAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", _api.NewKey());

        var response = await resident.Client.SendAsync(request);

        await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task RegisterMerchant_WithBadFields_ListsEveryFieldInTheProblem()
    {
        var response = await _api.PostAsync(await _api.AdminAsync(), "/api/v1/merchants", new
        {
            name = "", nameKana = "カナ", nameRomaji = "店", category = "54", size = "small", postalCode = "12",
            ownerEmail = "not-an-email", ownerPassword = "short",
            payout = new { bankCode = "1", branchCode = "x", accountType = "ordinary", accountNumber = "12", holderKana = "" },
        });

        var errors = (await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation"))["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().Contain(["name", "nameRomaji", "category", "postalCode", "email", "password",
            "payout.bankCode", "payout.branchCode", "payout.accountNumber", "payout.holderKana"]);
    }

    [Fact]
    public async Task CreateProgram_WithoutDates_ListsEachMissingDate()
    {
        var response = await _api.PostAsync(await _api.AdminAsync(), "/api/v1/programs", new
        {
            code = "NODATES", name = "日付なし", unitPriceYen = 10_000, pointsPerUnit = new { general = 13_000, smallBusiness = 0 },
            totalUnits = 10, maxUnitsPerResident = 1, redemptionFeeBasisPoints = 0, allowMerchantTransfers = false, merchantTransferFeeBasisPoints = 0,
        });

        var errors = (await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation"))["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().Contain(["salesFrom", "salesUntil", "expiresOn"]);
    }

    [Fact]
    public async Task RegisterMerchant_WithAnUnknownSize_Returns400()
    {
        var response = await _api.PostAsync(await _api.AdminAsync(), "/api/v1/merchants", new { name = "x", size = "medium" });

        await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task RegisterResident_Twice_ReturnsConflict()
    {
        var body = new { email = $"dup{Guid.NewGuid():N}@test.example", password = "Password123", displayName = "x" };
        (await _api.Anonymous().PostAsJsonAsync("/api/v1/residents", body)).StatusCode.Should().Be(HttpStatusCode.Created);

        var response = await _api.Anonymous().PostAsJsonAsync("/api/v1/residents", body);

        await Api.ProblemAsync(response, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Purchase_OverThePersonalLimit_ReturnsLimitExceeded()
    {
        var program = await _api.CreateProgramAsync(maxPerResident: 2);
        var resident = await _api.ResidentAsync();
        await _api.VerifyAsync(resident.Id);

        var response = await _api.PostMovingAsync(await _api.AdminAsync(), "/api/v1/purchases",
            new { programCode = program, units = 3, residentId = resident.Id, paidYen = 30_000, paymentMethod = "cash" });

        await Api.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "limit-exceeded");
    }

    [Fact]
    public async Task Purchase_ByAdminForAResident_NamesTheResident()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        await _api.VerifyAsync(resident.Id);

        var response = await _api.PostMovingAsync(await _api.AdminAsync(), "/api/v1/purchases",
            new { programCode = program, units = 1, residentId = resident.Id, paidYen = 10_000, paymentMethod = "cash" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await Api.JsonAsync(response))["paidYen"]!.GetValue<long>().Should().Be(10_000);
        (await _api.WalletTotalAsync(resident)).Should().Be(13_000);
    }

    [Fact]
    public async Task Purchase_ByAResidentForSomeoneElse_IsForbidden()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();

        var response = await _api.PostMovingAsync(resident.Client, "/api/v1/purchases",
            new { programCode = program, units = 1, residentId = Guid.NewGuid(), paidYen = 10_000, paymentMethod = "cash" });

        await Api.ProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Purchase_ByCounterStaffForAResident_IssuesThePoints()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        await _api.VerifyAsync(resident.Id);

        var response = await _api.PostMovingAsync(await _api.StaffAsync(Roles.Counter), "/api/v1/purchases",
            new { programCode = program, units = 1, residentId = resident.Id, paidYen = 10_000, paymentMethod = "cash" });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await _api.WalletTotalAsync(resident)).Should().Be(13_000);
    }

    /// <summary>The use case, not the endpoint, requires the resident the points go to.</summary>
    [Fact]
    public async Task Purchase_ByCounterWithoutAResident_ReturnsValidationOnResidentId()
    {
        var program = await _api.CreateProgramAsync();

        var response = await _api.PostMovingAsync(await _api.StaffAsync(Roles.Counter), "/api/v1/purchases",
            new { programCode = program, units = 1, paidYen = 10_000, paymentMethod = "cash" });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        problem["errors"]!["residentId"]![0]!.GetValue<string>().Should().Be("is required");
    }

    /// <summary>The defect of issue #10: a signed-in resident could issue themselves points, premium included, with no yen paid.</summary>
    [Fact]
    public async Task Purchase_ByAResidentForThemselves_IsForbiddenAndIssuesNoPoints()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        await _api.VerifyAsync(resident.Id);

        var own = await _api.PostMovingAsync(resident.Client, "/api/v1/purchases",
            new { programCode = program, units = 1, residentId = resident.Id, paidYen = 10_000, paymentMethod = "cash" });
        var bare = await _api.PostMovingAsync(resident.Client, "/api/v1/purchases", new { programCode = program, units = 1 });

        await Api.ProblemAsync(own, HttpStatusCode.Forbidden, "forbidden");
        await Api.ProblemAsync(bare, HttpStatusCode.Forbidden, "forbidden");
        (await _api.WalletTotalAsync(resident)).Should().Be(0);
        var verify = await Api.JsonAsync(await (await _api.AdminAsync()).GetAsync("/api/v1/ledger/verify"));
        verify["ok"]!.GetValue<bool>().Should().BeTrue(verify.ToJsonString());
    }
}
