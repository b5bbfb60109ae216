using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class SimulationApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    private static JsonNode Scenario(double respend = 0.8) => JsonNode.Parse($$"""
        {
          "name": "一業種テスト",
          "injection": { "unitsSold": 100, "unitPriceYen": 10000, "pointsPerUnit": { "general": 10000, "smallBusiness": 0 } },
          "netNewConsumptionShare": 0.357,
          "expiryDays": 30,
          "redemptionFeeRate": 0.0,
          "merchantTransferFeeRate": 0.0,
          "sectors": [
            { "id": "town", "name": "町", "size": "small", "merchants": 5, "residentSpendShare": 1.0,
              "localRespendShare": {{respend}}, "respendInPointsShare": 0.5, "supplierShares": { "town": 1.0 } }
          ],
          "monteCarlo": { "runs": 20, "seed": 7 }
        }
        """)!;

    private async Task<HttpClient> ChamberAsync()
    {
        var email = $"chamber{Guid.NewGuid():N}@test.example";
        (await _api.PostAsync(await _api.AdminAsync(), "/api/v1/staff", new { email, password = "ChamberPass1", role = "Chamber" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        return _api.As(await _api.TokenAsync(email, "ChamberPass1"));
    }

    private static async Task<JsonObject> WaitForAsync(HttpClient client, Guid runId)
    {
        for (var i = 0; i < 200; i++)
        {
            var run = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/simulations/{runId}"))!;
            if (run["status"]!.GetValue<string>() is "succeeded" or "failed")
            {
                return run;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The simulation did not finish in 20 s.");
    }

    [Fact]
    public async Task Simulation_PostedByTheChamber_RunsInTheBackgroundWithTheReferenceResult()
    {
        var chamber = await ChamberAsync();

        var response = await _api.PostAsync(chamber, "/api/v1/simulations", new { scenario = Scenario() });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var runId = (await Api.JsonAsync(response))["runId"]!.GetValue<Guid>();
        var run = await WaitForAsync(chamber, runId);

        run["status"]!.GetValue<string>().Should().Be("succeeded", run.ToJsonString());
        run["progress"]!.GetValue<double>().Should().Be(1.0);
        run["result"]!["expected"]!["lm3"]!.GetValue<double>().Should().BeApproximately(2.44, 0.005);
        run["result"]!["expected"]!["multiplier"]!.GetValue<double>().Should().BeApproximately(5.0, 0.005);
        run["result"]!["monteCarlo"]!["runs"]!.GetValue<int>().Should().Be(20);
        var report = await chamber.GetStringAsync($"/api/v1/simulations/{runId}/report");
        report.Should().Contain("<html").And.Contain("一業種テスト");
    }

    [Fact]
    public async Task Simulation_IsStoredAndReadableAfterARestart()
    {
        var admin = await _api.AdminAsync();
        var runId = (await Api.JsonAsync(await _api.PostAsync(admin, "/api/v1/simulations", new { scenario = Scenario(0.2) })))["runId"]!.GetValue<Guid>();
        await WaitForAsync(admin, runId);

        await using var restarted = new RestartedApiFactory(factory);
        var client = restarted.CreateClient();
        client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var run = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/simulations/{runId}"))!;

        run["status"]!.GetValue<string>().Should().Be("succeeded");
        run["result"]!["expected"]!["lm3"]!.GetValue<double>().Should().BeApproximately(1.24, 0.005);
    }

    [Fact]
    public async Task Simulation_LeftQueuedWhenTheHostStopped_IsRunAfterARestart()
    {
        var runId = Guid.CreateVersion7();
        await factory.WithDbAsync(async db =>
        {
            db.SimulationRuns.Add(new Tsuyama.LocalCurrency.Domain.SimulationRun
            {
                Id = runId,
                Status = Tsuyama.LocalCurrency.Domain.SimulationRunStatus.Running,
                ScenarioJson = Scenario().ToJsonString(),
                Runs = 5,
                RequestedBy = "test",
                CreatedAt = ApiFactory.Start.UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });

        await using var restarted = new RestartedApiFactory(factory);
        _ = restarted.Server;
        var status = await restarted.WaitForAsync(async db =>
        {
            var run = await db.SimulationRuns.FindAsync(runId);
            return run!.Status == Tsuyama.LocalCurrency.Domain.SimulationRunStatus.Succeeded
                ? run.Status
                : (Tsuyama.LocalCurrency.Domain.SimulationRunStatus?)null;
        });

        status.Should().Be(Tsuyama.LocalCurrency.Domain.SimulationRunStatus.Succeeded);
    }

    [Fact]
    public async Task Simulation_WithAnInvalidScenario_ListsTheProblems()
    {
        var scenario = Scenario();
        scenario["sectors"]![0]!["residentSpendShare"] = 0.5;

        var response = await _api.PostAsync(await _api.AdminAsync(), "/api/v1/simulations", new { scenario });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        problem["errors"]!["scenario"]!.AsArray().Should().NotBeEmpty();
    }

    [Fact]
    public async Task Comparison_OfTwoScenarios_AnswersAtOnceWithTheDifference()
    {
        var response = await _api.PostAsync(
            await ChamberAsync(), "/api/v1/simulations/comparisons", new { scenarios = new[] { Scenario(0.2), Scenario(0.8) } });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var lm3 = (await Api.JsonAsync(response))["comparison"]!["headline"]!.AsArray().Single(f => f!["figure"]!.GetValue<string>() == "lm3")!;
        lm3["values"]![0]!.GetValue<double>().Should().BeApproximately(1.24, 1e-9);
        lm3["differenceFromFirst"]![1]!.GetValue<double>().Should().BeApproximately(2.44 - 1.24, 1e-9);
    }

    [Fact]
    public async Task Comparison_WithAnInvalidScenario_NamesWhichOne()
    {
        var broken = Scenario();
        broken["sectors"]![0]!["residentSpendShare"] = 0.5;

        var response = await _api.PostAsync(await ChamberAsync(), "/api/v1/simulations/comparisons", new { scenarios = new[] { Scenario(), broken } });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        problem["errors"]!["scenarios[1]"]!.AsArray().Should().NotBeEmpty();
    }

    [Fact]
    public async Task Sweep_OfTheRespendShare_GivesOnePointPerStep()
    {
        var response = await _api.PostAsync(await ChamberAsync(), "/api/v1/simulations/sweeps",
            new { scenario = Scenario(), parameter = "sectors.town.localRespendShare", from = 0.2, to = 0.8, step = 0.3 });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var points = (await Api.JsonAsync(response))["sweep"]!["points"]!.AsArray();
        points.Select(p => p!["value"]!.GetValue<double>()).Should().Equal(0.2, 0.5, 0.8);
        points[2]!["lm3"]!.GetValue<double>().Should().BeApproximately(2.44, 1e-9);
    }

    [Fact]
    public async Task Sweep_OfAnUnknownInput_Returns400()
    {
        var response = await _api.PostAsync(await ChamberAsync(), "/api/v1/simulations/sweeps",
            new { scenario = Scenario(), parameter = "injection.unitsSold", from = 1, to = 2, step = 1 });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        problem["errors"]!["parameter"]![0]!.GetValue<string>().Should().Contain("is not an input that can vary");
    }

    [Fact]
    public async Task Sweep_NamingATableDirectory_IsRefused()
    {
        var scenario = Scenario();
        scenario["inputOutput"] = new JsonObject { ["table"] = "../../etc", ["sectorMap"] = new JsonObject { ["town"] = "01" } };

        var response = await _api.PostAsync(await ChamberAsync(), "/api/v1/simulations/sweeps",
            new { scenario, parameter = "breakageShare", from = 0, to = 0.1, step = 0.05 });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        problem["errors"]!["scenario"]![0]!.GetValue<string>().Should().Contain("is not a built-in table");
    }

    [Fact]
    public async Task ShopCheck_ForASignedInShop_AddsItsOwnLedgerFiguresOnly()
    {
        var program = await _api.CreateProgramAsync();
        var shop = await _api.MerchantAsync();
        var other = await _api.MerchantAsync();
        var resident = await _api.ResidentAsync();
        await _api.BuyAsync(resident, program);
        (await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await _api.StoreQrAsync(shop.Id), amount = 3_000 }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await _api.PostMovingAsync(shop.Client, "/api/v1/merchant/transfers", new { toMerchantId = other.Id, amount = 1_000 }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var figures = new { monthlySalesYen = 1_000_000, localSupplierShare = 0.4, localWagesYen = 200_000 };

        var mine = await Api.JsonAsync(await _api.PostAsync(shop.Client, "/api/v1/simulations/shop-check", figures));
        var theirs = await Api.JsonAsync(await _api.PostAsync(other.Client, "/api/v1/simulations/shop-check", figures));
        var chamber = await Api.JsonAsync(await _api.PostAsync(await ChamberAsync(), "/api/v1/simulations/shop-check", figures));

        mine["check"]!["lm3"]!.GetValue<double>().Should().BeApproximately(1.84, 1e-9);
        mine["check"]!["perTenThousandToLocalBusinessesYen"]!.GetValue<long>().Should().Be(6_400);
        mine["ledger"]!["pointsReceived"]!.GetValue<long>().Should().Be(3_000);
        mine["ledger"]!["pointsSentToShops"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(1_000);
        theirs["ledger"]!["pointsReceived"]!.GetValue<long>().Should().BeInRange(990, 1_000, "the other shop sees only the transfer it received, less its fee");
        chamber["ledger"].Should().BeNull("the chamber has no shop of its own");
    }

    [Fact]
    public async Task ShopCheck_WithImpossibleFigures_Returns400()
    {
        var response = await _api.PostAsync((await _api.MerchantAsync()).Client, "/api/v1/simulations/shop-check",
            new { monthlySalesYen = 100_000, localSupplierShare = 0.9, localWagesYen = 50_000 });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        problem["errors"]!["figures"]![0]!.GetValue<string>().Should().Contain("exceed the month's sales");
    }

    [Fact]
    public async Task Simulation_ForAMerchantOrResident_IsForbidden()
    {
        var merchant = await _api.MerchantAsync();

        var response = await _api.PostAsync(merchant.Client, "/api/v1/simulations", new { scenario = Scenario() });

        await Api.ProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task SimulationRun_Unknown_Returns404()
    {
        var response = await (await _api.AdminAsync()).GetAsync($"/api/v1/simulations/{Guid.NewGuid()}");

        await Api.ProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }
}
