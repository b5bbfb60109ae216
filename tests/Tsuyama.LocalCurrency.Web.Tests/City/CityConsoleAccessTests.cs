using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests.City;

/// <summary>A settlement and a program to point the pages at, and page sessions of every kind.</summary>
public sealed class CityConsoleFixture : ApiFactory, IAsyncLifetime
{
    public Dictionary<string, HttpClient> Sessions { get; } = [];
    public string Program { get; private set; } = "";
    public Guid SettlementId { get; private set; }

    public async Task InitializeAsync()
    {
        RunOnRealTime();
        var api = new Api(this);
        Program = await api.CreateProgramAsync();
        var resident = await api.ResidentAsync();
        var merchant = await api.MerchantAsync();
        await api.BuyAsync(resident, Program);
        var paid = await api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await api.StoreQrAsync(merchant.Id), amount = 2_000 });
        paid.StatusCode.Should().Be(HttpStatusCode.Created);
        Clock.Advance(TimeSpan.FromDays(1));
        var settled = await api.PostMovingAsync(await api.AdminAsync(), "/api/v1/settlements", new { cutoff = JapanTimeToday().AddDays(-1) });
        settled.StatusCode.Should().Be(HttpStatusCode.Created, await settled.Content.ReadAsStringAsync());
        SettlementId = (await Api.JsonAsync(settled))["settlementId"]!.GetValue<Guid>();

        Sessions["admin"] = await CitySessions.SignInAsync(this, AdminEmail, AdminPassword);
        Sessions["counter"] = await CitySessions.StaffAsync(api, Roles.Counter);
        Sessions["chamber"] = await CitySessions.StaffAsync(api, Roles.Chamber);
        Sessions["resident"] = await CitySessions.SignInAsync(this, resident.Email, resident.Password);
        Sessions["merchant"] = await CitySessions.SignInAsync(this, merchant.Email, merchant.Password);
        Sessions["anonymous"] = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    private DateOnly JapanTimeToday() => Tsuyama.LocalCurrency.Domain.JapanTime.Today(Clock);

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class CityConsoleAccessTests(CityConsoleFixture fixture) : IClassFixture<CityConsoleFixture>
{
    private string[] AdminPages =>
    [
        "/city/programs", "/city/programs/new", $"/city/programs/{fixture.Program}", $"/city/programs/{fixture.Program}/edit",
        "/city/settlements", $"/city/settlements/{fixture.SettlementId}", $"/city/settlements/{fixture.SettlementId}?handler=zengin", "/city/ledger",
    ];

    [Fact]
    public async Task CityPages_ForAnAdmin_AllOpen()
    {
        foreach (var page in AdminPages.Append("/city"))
        {
            var response = await fixture.Sessions["admin"].GetAsync(page);
            response.StatusCode.Should().Be(HttpStatusCode.OK, page);
        }
    }

    [Fact]
    public async Task CityPages_ForCounterStaff_OnlyTheDashboardOpens_ProgramsSettlementsAndLedgerAre403()
    {
        (await fixture.Sessions["counter"].GetAsync("/city")).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var page in AdminPages)
        {
            var response = await fixture.Sessions["counter"].GetAsync(page);
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, page);
        }
    }

    [Theory]
    [InlineData("resident")]
    [InlineData("merchant")]
    [InlineData("chamber")]
    public async Task CityPages_ForAResidentShopOrChamberSession_AreAll403(string who)
    {
        foreach (var page in AdminPages.Append("/city"))
        {
            var response = await fixture.Sessions[who].GetAsync(page);
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{who} on {page}");
        }
    }

    [Fact]
    public async Task CityPages_WithoutASession_RedirectToSignIn()
    {
        foreach (var page in AdminPages.Append("/city"))
        {
            var response = await fixture.Sessions["anonymous"].GetAsync(page);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, page);
            response.Headers.Location!.ToString().Should().Contain("/signin");
        }
    }

    [Fact]
    public async Task SettlementPost_FromCounterStaff_Is403_AndSettlesNothing()
    {
        var counter = fixture.Sessions["counter"];
        var dashboard = await (await counter.GetAsync("/city")).Content.ReadAsStringAsync();
        var response = await counter.PostAsync("/city/settlements", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Cutoff"] = "2026-04-10", ["IdempotencyKey"] = Guid.NewGuid().ToString("N"), ["__RequestVerificationToken"] = CitySessions.TokenOf(dashboard),
        }));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await fixture.WithDbAsync(db => Task.FromResult(db.Settlements.Count()))).Should().Be(1);
    }

    [Fact]
    public async Task HangfireDashboard_LetsAnAdminCookieSessionIn_AndRefusesEveryoneElse()
    {
        (await fixture.Sessions["admin"].GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var who in new[] { "counter", "chamber", "resident", "merchant", "anonymous" })
        {
            var response = await fixture.Sessions[who].GetAsync("/hangfire");
            response.StatusCode.Should().BeOneOf([HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden], who);
        }
    }

    [Fact]
    public async Task SettlementDetail_ForAnAdmin_OffersTheZenginFileStatementAndPapersOfTheShop()
    {
        var admin = fixture.Sessions["admin"];
        var page = await admin.GetStringAsync($"/city/settlements/{fixture.SettlementId}");
        page.Should().Contain("handler=zengin").And.Contain("handler=statement").And.Contain("handler=invoice").And.Contain("handler=notice");

        var zengin = await admin.GetAsync($"/city/settlements/{fixture.SettlementId}?handler=zengin");
        var file = Tsuyama.LocalCurrency.Payouts.Zengin.ZenginFileReader.Parse(await zengin.Content.ReadAsByteArrayAsync());
        file.Records.Should().ContainSingle().Which.Amount.Should().Be(1_970, "2,000 points less the 1.5 % fee (30)");
    }
}
