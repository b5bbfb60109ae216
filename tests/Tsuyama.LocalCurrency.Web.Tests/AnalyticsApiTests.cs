using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class AnalyticsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Circulation_AfterActivity_ReportsAggregatesWithoutIdsAndACalibratedScenarioThatSimulates()
    {
        var program = await _api.CreateProgramAsync();
        var shops = new List<Party>();
        for (var i = 0; i < 3; i++)
        {
            shops.Add(await _api.MerchantAsync());
        }

        for (var i = 0; i < 3; i++)
        {
            var resident = await _api.ResidentAsync();
            await _api.BuyAsync(resident, program);
            (await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await _api.StoreQrAsync(shops[i].Id), amount = 4_000 }))
                .StatusCode.Should().Be(HttpStatusCode.Created);
        }

        await _api.PostMovingAsync(shops[0].Client, "/api/v1/merchant/transfers", new { toMerchantId = shops[1].Id, amount = 1_000 });
        var admin = await _api.AdminAsync();

        var text = await admin.GetStringAsync("/api/v1/analytics/circulation?from=2026-04-01&to=2026-04-30");
        var report = JsonNode.Parse(text)!;

        report["totals"]!["spentByResidents"]!.GetValue<long>().Should().Be(12_000);
        report["indicators"]!["handoversPerPoint"]!.GetValue<double>().Should().BeGreaterThan(1.0);
        foreach (var shop in shops)
        {
            text.Should().NotContain(shop.Id.ToString());
        }

        var calibrated = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/analytics/circulation/scenario?from=2026-04-01&to=2026-04-30"))!;
        var run = await _api.PostAsync(admin, "/api/v1/simulations", new { scenario = calibrated["scenario"], runs = 5 });
        run.StatusCode.Should().Be(HttpStatusCode.Accepted, await run.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Circulation_WithFromAfterTo_ReturnsValidationProblem()
    {
        var response = await (await _api.AdminAsync()).GetAsync("/api/v1/analytics/circulation?from=2026-05-01&to=2026-04-01");

        await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Circulation_WithAnUnreadableDate_Returns400()
    {
        var response = await (await _api.AdminAsync()).GetAsync("/api/v1/analytics/circulation?from=yesterday");

        ((int)response.StatusCode).Should().Be(400);
    }
}
