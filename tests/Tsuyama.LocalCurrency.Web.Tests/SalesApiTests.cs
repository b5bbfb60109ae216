using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>Voucher sales over HTTP: apply, draw, pay at the counter or through the provider, cancel; grants by CSV.</summary>
public sealed class SalesApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    private DateOnly Today => JapanTime.Today(factory.Clock);

    private async Task<string> SalesProgramAsync(string rule)
    {
        var program = await _api.CreateProgramAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programs/{program}/sales")
        {
            Content = JsonContent.Create(new { rule, applicationFrom = Today, applicationUntil = Today, paymentDays = 7, premiumBudget = (long?)null }),
        };
        var response = await (await _api.AdminAsync()).SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return program;
    }

    private async Task<(Party Resident, Guid Application)> ApplyAsync(string program, int units = 1)
    {
        var resident = await _api.ResidentAsync();
        await _api.VerifyAsync(resident.Id, await _api.StaffAsync("Counter"));
        var response = await _api.PostAsync(resident.Client, $"/api/v1/programs/{program}/applications", new { units });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (resident, (await Api.JsonAsync(response))["applicationId"]!.GetValue<Guid>());
    }

    private async Task<HttpResponseMessage> CallbackAsync(string body, DateTimeOffset? at = null, string secret = ApiFactory.ProviderSecret)
    {
        var timestamp = (at ?? factory.Clock.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sales/provider-callback") { Content = new StringContent(body,
            Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Provider-Timestamp", timestamp);
        request.Headers.Add("X-Provider-Signature", signature);
        return await _api.Anonymous().SendAsync(request);
    }

    [Fact]
    public async Task CounterStaff_ConfirmTheWinnersPayment_AndASecondConfirmationIsAConflict()
    {
        var program = await SalesProgramAsync("firstCome");
        var (resident, application) = await ApplyAsync(program, 2);
        var counter = await _api.StaffAsync("Counter");

        var first = await _api.PostMovingAsync(counter, $"/api/v1/applications/{application}/payments", new { paidYen = 20_000, paymentMethod = "cash" });
        var second = await _api.PostMovingAsync(counter, $"/api/v1/applications/{application}/payments", new { paidYen = 20_000, paymentMethod = "cash" });

        first.StatusCode.Should().Be(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        await Api.ProblemAsync(second, HttpStatusCode.Conflict, "already-paid");
        (await _api.WalletTotalAsync(resident)).Should().Be(26_000);
        var mine = await resident.Client.GetFromJsonAsync<JsonArray>("/api/v1/applications");
        mine!.Single()!["status"]!.GetValue<string>().Should().Be("paid");
        var found = await counter.GetFromJsonAsync<JsonArray>($"/api/v1/programs/{program}/applications?residentId={resident.Id}");
        found!.Single()!["application"]!["applicationId"]!.GetValue<Guid>().Should().Be(application);
        var rules = await _api.Anonymous().GetFromJsonAsync<JsonObject>($"/api/v1/programs/{program}/sales");
        rules!["rule"]!.GetValue<string>().Should().Be("firstCome");
    }

    [Fact]
    public async Task CounterConfirmation_SubmittedTwiceAtOnce_IssuesOnce()
    {
        var program = await SalesProgramAsync("firstCome");
        var (resident, application) = await ApplyAsync(program, 1);
        var (counter, admin) = (await _api.StaffAsync("Counter"), await _api.AdminAsync());
        var body = new { paidYen = 10_000, paymentMethod = "cash" };

        var responses = await Task.WhenAll(
            _api.PostMovingAsync(counter, $"/api/v1/applications/{application}/payments", body),
            _api.PostMovingAsync(admin, $"/api/v1/applications/{application}/payments", body));

        responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.Created, HttpStatusCode.Conflict]);
        (await _api.WalletTotalAsync(resident)).Should().Be(13_000);
        var verify = await Api.JsonAsync(await admin.GetAsync("/api/v1/ledger/verify"));
        verify["ok"]!.GetValue<bool>().Should().BeTrue(verify.ToJsonString());
    }

    [Fact]
    public async Task Lottery_DrawnByTheAdmin_IsPublishedToAnyone_AndNotOversubscribedEveryoneWins()
    {
        var program = await SalesProgramAsync("lottery");
        await ApplyAsync(program);
        await ApplyAsync(program);
        factory.Clock.Advance(TimeSpan.FromDays(1));

        var drawn = await _api.PostAsync(await _api.AdminAsync(), $"/api/v1/programs/{program}/lottery", new { seed = "public-seed-12345" });
        var published = await _api.Anonymous().GetFromJsonAsync<JsonObject>($"/api/v1/programs/{program}/lottery");

        drawn.StatusCode.Should().Be(HttpStatusCode.Created, await drawn.Content.ReadAsStringAsync());
        published!["seed"]!.GetValue<string>().Should().Be("public-seed-12345");
        published["places"]!.AsArray().Should().HaveCount(2);
        published["places"]!.AsArray().Select(p => p!["position"]!.GetValue<int>()).Should().Equal(1, 2);
        published["places"]!.AsArray().Should().OnlyContain(p => p!["won"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ProviderCallback_BadSignatureOldTimestampAndReplay_AreRefusedWith401And409()
    {
        var program = await SalesProgramAsync("firstCome");
        var (resident, application) = await ApplyAsync(program);
        var body = $$"""{"eventId":"evt-{{Guid.NewGuid():N}}","applicationId":"{{application}}","amountYen":10000}""";

        var badSignature = await CallbackAsync(body, secret: "not-the-secret");
        var old = await CallbackAsync(body, factory.Clock.GetUtcNow().AddMinutes(-10));
        (await _api.WalletTotalAsync(resident)).Should().Be(0);
        var good = await CallbackAsync(body);
        var replay = await CallbackAsync(body);

        await Api.ProblemAsync(badSignature, HttpStatusCode.Unauthorized, "invalid-signature");
        await Api.ProblemAsync(old, HttpStatusCode.Unauthorized, "invalid-signature");
        good.StatusCode.Should().Be(HttpStatusCode.OK, await good.Content.ReadAsStringAsync());
        await Api.ProblemAsync(replay, HttpStatusCode.Conflict, "replayed-event");
        (await _api.WalletTotalAsync(resident)).Should().Be(13_000);
    }

    [Fact]
    public async Task Cancellation_AtTheCounter_ReversesAnUnspentPurchase()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var bought = await _api.BuyAsync(resident, program);

        var response = await _api.PostMovingAsync(await _api.StaffAsync("Counter"), $"/api/v1/purchases/{bought["purchaseId"]}/cancellation",
            new { reason = "返金" });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await Api.JsonAsync(response))["refundYen"]!.GetValue<long>().Should().Be(10_000);
        (await _api.WalletTotalAsync(resident)).Should().Be(0);
    }

    [Fact]
    public async Task GrantCsv_Upload_ReturnsAPerRowReport()
    {
        var admin = await _api.AdminAsync();
        var code = $"G{Guid.NewGuid():N}"[..12];
        var budget = await _api.PostAsync(admin, "/api/v1/grant-budgets",
            new { code, name = "健康ポイント 2026", totalPoints = 10_000, expiresOn = Today.AddDays(60), redemptionFeeBasisPoints = 0 });
        budget.StatusCode.Should().Be(HttpStatusCode.Created, await budget.Content.ReadAsStringAsync());
        var resident = await _api.ResidentAsync();
        var csv = $"resident,points,reason,key\n{resident.Email.ToUpperInvariant()},700,健診受診,a1\nnobody@test.example,100,健診受診,a2\n";

        var response = await admin.PostAsync($"/api/v1/grant-budgets/{code}/grants/csv", new StringContent(csv, Encoding.UTF8, "text/csv"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await Api.JsonAsync(response);
        report["rows"]!.AsArray().Select(r => r!["outcome"]!.GetValue<string>()).Should().Equal("granted", "refused");
        (await _api.WalletTotalAsync(resident)).Should().Be(700);
    }

    [Fact]
    public async Task DeadlineJob_TriggeredTwiceAfterTheDeadline_LapsesTheUnpaidWinnerOnce()
    {
        var program = await SalesProgramAsync("firstCome");
        var (_, application) = await ApplyAsync(program);
        var jobs = factory.Services.GetRequiredService<IRecurringJobManager>();
        factory.Clock.Advance(TimeSpan.FromDays(8));

        jobs.Trigger("sales-deadlines");
        jobs.Trigger("sales-deadlines");

        await factory.WaitUntilAsync(db => db.SalesApplications.AnyAsync(a => a.Id == application && a.Status == ApplicationStatus.Lapsed));
        await Task.Delay(500);
        (await factory.WithDbAsync(db => db.ProgramSales.Join(db.Programs.Where(p => p.Code == program), s => s.ProgramId, p => p.Id, (s, _) => s.UnitsReserved)
            .FirstAsync())).Should().Be(0);
    }

    [Fact]
    public async Task OpenApi_DescribesTheSalesAndGrantRoutes()
    {
        var doc = await _api.Anonymous().GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        doc!["paths"]!.AsObject().Select(p => p.Key).Should().Contain([
            "/api/v1/residents/{id}/verification", "/api/v1/programs/{code}/sales", "/api/v1/programs/{code}/applications", "/api/v1/applications",
            "/api/v1/applications/{id}", "/api/v1/programs/{code}/lottery", "/api/v1/applications/{id}/payments", "/api/v1/purchases/{id}/cancellation",
            "/api/v1/sales/provider-callback", "/api/v1/grant-budgets", "/api/v1/grant-budgets/{code}/grants", "/api/v1/grant-budgets/{code}/grants/csv",
        ]);
    }
}
