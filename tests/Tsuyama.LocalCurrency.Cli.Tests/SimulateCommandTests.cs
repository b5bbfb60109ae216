using System.CommandLine;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Cli.Commands;

namespace Tsuyama.LocalCurrency.Cli.Tests;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tsuyama-simulate-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private const string SmallScenario = """
        {
          "name": "テスト <小さな町>",
          "injection": { "unitsSold": 200, "unitPriceYen": 10000, "pointsPerUnit": { "general": 6000, "smallBusiness": 7000 } },
          "netNewConsumptionShare": 0.357,
          "expiryDays": 30,
          "redemptionFeeRate": 0.0,
          "merchantTransferFeeRate": 0.0,
          "sectors": [
            { "id": "shops", "name": "商店", "size": "small", "merchants": 10, "residentSpendShare": 0.6,
              "localRespendShare": 0.5, "respendInPointsShare": 0.3, "supplierShares": { "wholesale": 1.0 } },
            { "id": "chain", "name": "大型店", "size": "large", "merchants": 2, "residentSpendShare": 0.4,
              "localRespendShare": 0.1, "respendInPointsShare": 0.0, "supplierShares": { "shops": 1.0 } },
            { "id": "wholesale", "name": "卸", "size": "small", "merchants": 3, "residentSpendShare": 0.0,
              "localRespendShare": 0.3, "respendInPointsShare": 0.5, "supplierShares": { "shops": 0.5, "chain": 0.5 } }
          ],
          "monteCarlo": { "runs": 500, "seed": 1 }
        }
        """;

    private string WriteScenario(string json, string name = "scenario.json")
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, json);
        return path;
    }

    private Task<int> InvokeAsync(params string[] args) =>
        SimulateCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = _output, Error = _error });

    [Fact]
    public async Task Invoke_WithJson_PrintsTheContractResult()
    {
        var exit = await InvokeAsync(WriteScenario(SmallScenario), "--runs", "4", "--json");

        exit.Should().Be(0, _error.ToString());
        var json = JsonNode.Parse(_output.ToString())!;
        json["expected"]!["lm3"]!.GetValue<double>().Should().BeGreaterThan(1.0);
        json["expected"]!["sectors"]!.AsArray().Should().HaveCount(3);
        json["monteCarlo"]!["runs"]!.GetValue<int>().Should().Be(4, "--runs overrides the scenario's 500");
        json["monteCarlo"]!["lm3"]!["p50"].Should().NotBeNull();
    }

    [Fact]
    public async Task Invoke_WithOut_WritesTheReportAndSummary()
    {
        var outDir = Path.Combine(_directory, "report");

        var exit = await InvokeAsync(WriteScenario(SmallScenario), "--runs", "3", "--out", outDir);

        exit.Should().Be(0, _error.ToString());
        File.Exists(Path.Combine(outDir, "report.html")).Should().BeTrue();
        File.Exists(Path.Combine(outDir, "merchant-summary.html")).Should().BeTrue();
        File.Exists(Path.Combine(outDir, "rounds.csv")).Should().BeTrue();
        var text = _output.ToString();
        text.Should().Contain("LM3").And.Contain("テスト <小さな町>").And.Contain("report.html");
    }

    [Fact]
    public async Task Invoke_PrintsVelocityInDays_AndTheLastValidDayWhenTheScenarioHasAStartDate()
    {
        var scenario = SmallScenario.Replace("\"expiryDays\": 30,", "\"expiryDays\": 30, \"startDate\": \"2026-04-02\",", StringComparison.Ordinal);

        var exit = await InvokeAsync(WriteScenario(scenario), "--runs", "3");

        exit.Should().Be(0, _error.ToString());
        _output.ToString().Should().Contain("days per hand-over").And.Contain("days in wallets / with shops")
            .And.Contain("points valid until").And.Contain("2026-05-01");
    }

    [Fact]
    public async Task Invoke_WhenTheFileIsMissing_FailsWithAClearMessage()
    {
        var missing = Path.Combine(_directory, "nope.json");

        var exit = await InvokeAsync(missing, "--json");

        exit.Should().Be(SimulateCommand.InvalidInput);
        _error.ToString().Should().Contain("scenario file not found").And.Contain("nope.json");
        _output.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task Invoke_WhenTheScenarioIsInvalid_ListsEveryProblem()
    {
        var broken = SmallScenario.Replace("\"residentSpendShare\": 0.6", "\"residentSpendShare\": 0.9", StringComparison.Ordinal)
            .Replace("\"wholesale\": 1.0", "\"nowhere\": 1.0", StringComparison.Ordinal);

        var exit = await InvokeAsync(WriteScenario(broken), "--json");

        exit.Should().Be(SimulateCommand.InvalidInput);
        _error.ToString().Should().Contain("residentSpendShare must sum to 1").And.Contain("unknown sector id \"nowhere\"");
    }

    [Fact]
    public async Task Invoke_WhenRunsIsZero_IsRejected()
    {
        var exit = await InvokeAsync(WriteScenario(SmallScenario), "--runs", "0", "--json");

        exit.Should().NotBe(0);
        _error.ToString().Should().Contain("--runs must be at least 1");
    }

    [Fact]
    public async Task Invoke_WithoutAScenario_IsRejected()
    {
        var exit = await InvokeAsync("--json");

        exit.Should().NotBe(0);
        _error.ToString().Should().NotBeEmpty();
    }

    [Fact]
    public async Task Invoke_WithTwoScenarios_PrintsTheComparisonWithDifferences()
    {
        var first = WriteScenario(SmallScenario);
        var second = WriteScenario(SmallScenario.Replace("\"localRespendShare\": 0.5", "\"localRespendShare\": 0.7", StringComparison.Ordinal), "second.json");
        var outDir = Path.Combine(_directory, "compare");

        var exit = await InvokeAsync(first, second, "--json", "--out", outDir);

        exit.Should().Be(0, _error.ToString());
        var lm3 = JsonNode.Parse(_output.ToString())!["comparison"]!["headline"]!.AsArray().Single(f => f!["figure"]!.GetValue<string>() == "lm3")!;
        lm3["values"]!.AsArray().Should().HaveCount(2);
        lm3["differenceFromFirst"]![1]!.GetValue<double>().Should().BePositive("the second scenario re-spends more locally");
        File.Exists(Path.Combine(outDir, "comparison.html")).Should().BeTrue();
        File.Exists(Path.Combine(outDir, "comparison.csv")).Should().BeTrue();
    }

    [Fact]
    public async Task Invoke_WithSweep_PrintsOnePointPerStep()
    {
        var exit = await InvokeAsync(WriteScenario(SmallScenario), "--sweep", "merchantTransferFeeRate=0:0.01:0.005", "--json");

        exit.Should().Be(0, _error.ToString());
        var sweep = JsonNode.Parse(_output.ToString())!["sweep"]!;
        sweep["parameter"]!.GetValue<string>().Should().Be("merchantTransferFeeRate");
        sweep["points"]!.AsArray().Select(p => p!["value"]!.GetValue<double>()).Should().Equal(0, 0.005, 0.01);
    }

    [Theory]
    [InlineData("premiumRate=0.1:0.3", "must look like name=lo:hi:step")]
    [InlineData("noSuchInput=0:1:0.5", "is not an input that can vary")]
    public async Task Invoke_WithABadSweep_FailsWithAClearMessage(string sweep, string message)
    {
        var exit = await InvokeAsync(WriteScenario(SmallScenario), "--sweep", sweep, "--json");

        exit.Should().Be(SimulateCommand.InvalidInput);
        _error.ToString().Should().Contain(message);
        _output.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task Invoke_WithSweepAndTwoScenarios_IsRejected()
    {
        var path = WriteScenario(SmallScenario);

        var exit = await InvokeAsync(path, path, "--sweep", "breakageShare=0:0.1:0.05");

        exit.Should().Be(SimulateCommand.InvalidInput);
        _error.ToString().Should().Contain("--sweep takes one scenario");
    }
}
