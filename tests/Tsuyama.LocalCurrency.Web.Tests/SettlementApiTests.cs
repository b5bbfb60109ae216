using System.Net;
using System.Net.Http.Json;
using System.Text;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>Own host: these tests move the clock past the cutoff day.</summary>
public sealed class SettlementApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    private static readonly DateOnly Cutoff = JapanTime.DateOf(ApiFactory.Start);

    [Fact]
    public async Task Settle_ThenZenginAndStatements_PayEachMerchantOnceWithTheFee()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var shop = await _api.MerchantAsync();
        var other = await _api.MerchantAsync();
        await _api.BuyAsync(resident, program);
        var paid = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await _api.StoreQrAsync(shop.Id), amount = 10_000 });
        paid.StatusCode.Should().Be(HttpStatusCode.Created);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var admin = await _api.AdminAsync();
        (shop, other) = (await _api.SignInAgainAsync(shop), await _api.SignInAgainAsync(other));

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            _api.PostAsync(admin, "/api/v1/settlements", new { cutoff = Cutoff }, $"settle-{i}")));

        runs.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        runs.Where(r => r.StatusCode != HttpStatusCode.Created).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Conflict);
        var settlement = await Api.JsonAsync(runs.Single(r => r.StatusCode == HttpStatusCode.Created));
        settlement["merchantCount"]!.GetValue<int>().Should().Be(1);
        settlement["points"]!.GetValue<long>().Should().Be(10_000);
        settlement["feeYen"]!.GetValue<long>().Should().Be(150);
        settlement["payoutYen"]!.GetValue<long>().Should().Be(9_850);
        (await _api.MerchantBalanceAsync(shop)).Should().Be(0);

        var id = settlement["settlementId"]!.GetValue<Guid>();
        var zengin = await admin.GetByteArrayAsync($"/api/v1/settlements/{id}/zengin");
        zengin.Length.Should().Be(4 * 122, "header, one data record, trailer and end, each 120 bytes + CRLF");
        var text = Encoding.GetEncoding(932).GetString(zengin);
        text.Substring(122 + 80, 10).Should().Be("0000009850");

        var own = await shop.Client.GetAsync($"/api/v1/settlements/{id}/statements/{shop.Id}?format=csv");
        own.StatusCode.Should().Be(HttpStatusCode.OK);
        (await own.Content.ReadAsByteArrayAsync()).Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var foreign = await other.Client.GetAsync($"/api/v1/settlements/{id}/statements/{shop.Id}");
        await Api.ProblemAsync(foreign, HttpStatusCode.Forbidden, "forbidden");
        (await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/ledger/verify"))!["ok"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Settle_WithoutACutoff_Returns400()
    {
        var response = await _api.PostMovingAsync(await _api.AdminAsync(), "/api/v1/settlements", new { });

        await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Settle_ByAMerchant_IsForbidden()
    {
        var shop = await _api.MerchantAsync();

        var response = await _api.PostMovingAsync(shop.Client, "/api/v1/settlements", new { cutoff = Cutoff });

        await Api.ProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }
}
