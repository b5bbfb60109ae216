using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>What the chamber's console reads about runs: the list, a run's files, two runs compared, a scenario checked without running.</summary>
public sealed class ChamberSimulationApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    private static JsonNode Scenario(string name, double respend) => JsonNode.Parse($$"""
        {
          "name": "{{name}}",
          "injection": { "unitsSold": 100, "unitPriceYen": 10000, "pointsPerUnit": { "general": 10000, "smallBusiness": 0 } },
          "netNewConsumptionShare": 0.357,
          "expiryDays": 30,
          "redemptionFeeRate": 0.0,
          "merchantTransferFeeRate": 0.0,
          "sectors": [
            { "id": "town", "name": "町の商店", "size": "small", "merchants": 5, "residentSpendShare": 1.0,
              "localRespendShare": {{respend}}, "respendInPointsShare": 0.5, "supplierShares": { "town": 1.0 } }
          ],
          "monteCarlo": { "runs": 10, "seed": 7 }
        }
        """)!;

    private async Task<(HttpClient Client, string Email)> ChamberAsync()
    {
        var email = $"chamber{Guid.NewGuid():N}@test.example";
        (await _api.PostAsync(await _api.AdminAsync(), "/api/v1/staff", new { email, password = "ChamberPass1", role = "Chamber" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        return (_api.As(await _api.TokenAsync(email, "ChamberPass1")), email);
    }

    private async Task<Guid> RunAsync(HttpClient client, JsonNode scenario)
    {
        var response = await _api.PostAsync(client, "/api/v1/simulations", new { scenario });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var runId = (await Api.JsonAsync(response))["runId"]!.GetValue<Guid>();
        for (var i = 0; i < 300; i++)
        {
            var run = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/simulations/{runId}"))!;
            if (run["status"]!.GetValue<string>() is "succeeded")
            {
                return runId;
            }

            run["status"]!.GetValue<string>().Should().NotBe("failed", run.ToJsonString());
            await Task.Delay(100);
        }

        throw new TimeoutException("The simulation did not finish in 30 s.");
    }

    [Fact]
    public async Task RunList_AfterTwoRuns_ShowsEachWithItsNameAndHeadline_ButNotWhoAskedForIt()
    {
        var (chamber, email) = await ChamberAsync();
        var low = await RunAsync(chamber, Scenario("一覧テスト低", 0.2));
        var high = await RunAsync(chamber, Scenario("一覧テスト高", 0.8));

        var text = await chamber.GetStringAsync("/api/v1/simulations");
        var runs = JsonNode.Parse(text)!.AsArray();

        var byId = runs.ToDictionary(r => r!["runId"]!.GetValue<Guid>());
        byId[low]!["scenarioName"]!.GetValue<string>().Should().Be("一覧テスト低");
        byId[high]!["scenarioName"]!.GetValue<string>().Should().Be("一覧テスト高");
        byId[high]!["status"]!.GetValue<string>().Should().Be("succeeded");
        byId[high]!["lm3"]!.GetValue<double>().Should().BeApproximately(2.44, 0.005);
        byId[low]!["lm3"]!.GetValue<double>().Should().BeLessThan(byId[high]!["lm3"]!.GetValue<double>());
        text.Should().NotContain(email).And.NotContain("requestedBy");
    }

    [Fact]
    public async Task RunList_WithATakeOutOfRange_Returns400()
    {
        var (chamber, _) = await ChamberAsync();

        var response = await chamber.GetAsync("/api/v1/simulations?take=0");

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        problem["errors"]!["take"].Should().NotBeNull();
    }

    [Fact]
    public async Task RunFiles_ForAFinishedRun_AreTheMerchantSummaryTheScenarioAndCsvWithABom()
    {
        var (chamber, _) = await ChamberAsync();
        var runId = await RunAsync(chamber, Scenario("資料テスト", 0.5));

        var summary = await chamber.GetStringAsync($"/api/v1/simulations/{runId}/merchant-summary");
        summary.Should().Contain("<html").And.Contain("お店の皆さまへ").And.Contain("資料テスト").And.Contain("<svg");

        var scenario = JsonNode.Parse(await chamber.GetStringAsync($"/api/v1/simulations/{runId}/scenario"))!;
        scenario["name"]!.GetValue<string>().Should().Be("資料テスト");

        var csv = await chamber.GetAsync($"/api/v1/simulations/{runId}/csv/sectors.csv");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentDisposition!.FileName.Should().Contain("sectors.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("業種ID,業種名");
        lines[1].Should().StartWith("town,町の商店");
    }

    [Fact]
    public async Task RunFiles_AnUnknownCsvOrRun_AreRefused()
    {
        var (chamber, _) = await ChamberAsync();
        var runId = await RunAsync(chamber, Scenario("資料テスト2", 0.5));

        var problem = await Api.ProblemAsync(await chamber.GetAsync($"/api/v1/simulations/{runId}/csv/passwords.csv"), HttpStatusCode.BadRequest, "validation");
        problem["errors"]!["csv"]![0]!.GetValue<string>().Should().Contain("sectors.csv");
        (await chamber.GetAsync($"/api/v1/simulations/{Guid.NewGuid()}/merchant-summary")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RunComparison_OfTwoStoredRuns_GivesTheirFiguresAndTheDifferenceFromTheFirst()
    {
        var (chamber, _) = await ChamberAsync();
        var low = await RunAsync(chamber, Scenario("比較低", 0.2));
        var high = await RunAsync(chamber, Scenario("比較高", 0.8));

        var comparison = (await chamber.GetFromJsonAsync<JsonObject>($"/api/v1/simulations/comparisons?first={low}&second={high}"))!["comparison"]!;

        comparison["scenarios"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("比較低", "比較高");
        var lm3 = comparison["headline"]!.AsArray().Single(f => f!["figure"]!.GetValue<string>() == "lm3")!;
        lm3["values"]![1]!.GetValue<double>().Should().BeApproximately(2.44, 0.005);
        lm3["differenceFromFirst"]![1]!.GetValue<double>().Should().BePositive();
        comparison["sectors"]![0]!["turnoverDifferenceFromFirst"]![1]!.GetValue<long>().Should().BePositive();

        (await chamber.GetAsync($"/api/v1/simulations/comparisons?first={low}&second={Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ScenarioValidation_ListsEveryProblemByPath_AndQueuesNothing()
    {
        var (chamber, _) = await ChamberAsync();
        var scenario = Scenario("検証テスト", 0.5);
        scenario["sectors"]![0]!["residentSpendShare"] = 1.5;
        scenario["expiryDays"] = 0;
        var before = await factory.WithDbAsync(db => Task.FromResult(db.SimulationRuns.Count()));

        var response = await _api.PostAsync(chamber, "/api/v1/simulations/validation", new { scenario });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        var messages = problem["errors"]!["scenario"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        messages.Should().Contain(m => m.StartsWith("sectors[0].residentSpendShare must be a share between 0 and 1", StringComparison.Ordinal));
        messages.Should().Contain(m => m.StartsWith("expiryDays", StringComparison.Ordinal));
        (await factory.WithDbAsync(db => Task.FromResult(db.SimulationRuns.Count()))).Should().Be(before);

        var ok = await _api.PostAsync(chamber, "/api/v1/simulations/validation", new { scenario = Scenario("検証テスト", 0.5) });
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.JsonAsync(ok))["name"]!.GetValue<string>().Should().Be("検証テスト");
    }

    [Fact]
    public async Task StartSimulation_PostedTwiceWithOneIdempotencyKey_QueuesOneRun()
    {
        var (chamber, _) = await ChamberAsync();
        var key = _api.NewKey();

        var first = await _api.PostAsync(chamber, "/api/v1/simulations", new { scenario = Scenario("二重送信", 0.5) }, key);
        var second = await _api.PostAsync(chamber, "/api/v1/simulations", new { scenario = Scenario("二重送信", 0.5) }, key);

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        second.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await Api.JsonAsync(second))["runId"]!.GetValue<Guid>().Should().Be((await Api.JsonAsync(first))["runId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task SavedScenario_SavedTwice_IsTwoNewScenarios_ListedNewestFirst_AndReadBackAsSaved()
    {
        var (chamber, email) = await ChamberAsync();

        var first = await _api.PostAsync(chamber, "/api/v1/simulations/scenarios", new { scenario = Scenario("保存テスト", 0.3) });
        first.StatusCode.Should().Be(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var firstId = (await Api.JsonAsync(first))["scenarioId"]!.GetValue<Guid>();
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await _api.PostAsync(chamber, "/api/v1/simulations/scenarios", new { scenario = Scenario("保存テスト", 0.6) });
        var secondId = (await Api.JsonAsync(second))["scenarioId"]!.GetValue<Guid>();

        secondId.Should().NotBe(firstId);
        var list = await chamber.GetStringAsync("/api/v1/simulations/scenarios");
        var ids = JsonNode.Parse(list)!.AsArray().Select(s => s!["scenarioId"]!.GetValue<Guid>()).ToList();
        ids.IndexOf(secondId).Should().BeLessThan(ids.IndexOf(firstId));
        list.Should().NotContain(email);
        var saved = (await chamber.GetFromJsonAsync<JsonObject>($"/api/v1/simulations/scenarios/{firstId}"))!;
        saved["name"]!.GetValue<string>().Should().Be("保存テスト");
        saved["scenario"]!["sectors"]![0]!["localRespendShare"]!.GetValue<double>().Should().Be(0.3);
    }

    [Fact]
    public async Task SavedScenario_ThatBreaksARule_IsNotSaved()
    {
        var (chamber, _) = await ChamberAsync();
        var scenario = Scenario("保存できない", 0.3);
        scenario["sectors"]![0]!["residentSpendShare"] = 0.5;
        var before = await factory.WithDbAsync(db => Task.FromResult(db.SavedScenarios.Count()));

        var response = await _api.PostAsync(chamber, "/api/v1/simulations/scenarios", new { scenario });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        problem["errors"]!["scenario"]![0]!.GetValue<string>().Should().Contain("residentSpendShare must sum to 1");
        (await factory.WithDbAsync(db => Task.FromResult(db.SavedScenarios.Count()))).Should().Be(before);
        (await chamber.GetAsync($"/api/v1/simulations/scenarios/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
