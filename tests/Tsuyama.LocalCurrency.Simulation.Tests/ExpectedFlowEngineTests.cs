using Tsuyama.LocalCurrency.Simulation.ExpectedFlow;

namespace Tsuyama.LocalCurrency.Simulation.Tests;

public class ExpectedFlowEngineTests
{
    private static Results.ExpectedFlowResult Solve(System.Text.Json.Nodes.JsonObject json) =>
        ExpectedFlowEngine.Solve(FlowModel.From(TestScenarios.Load(json)));

    [Fact]
    public void Solve_WhenOneSectorRespends80Percent_GivesLm3Of2_44AndMultiplier5()
    {
        var result = Solve(TestScenarios.OneSectorJson(0.8));

        result.Lm3.Should().BeApproximately(2.44, 1e-9);
        result.Multiplier.Should().BeApproximately(5.0, 1e-9);
        result.R1Yen.Should().Be(1_000_000);
        result.Rounds.Take(3).Should().Equal(1_000_000, 800_000, 640_000);
        result.TotalLocalTurnoverYen.Should().Be(5_000_000);
    }

    [Fact]
    public void Solve_WhenOneSectorRespends20Percent_GivesLm3Of1_24AndMultiplier1_25()
    {
        var result = Solve(TestScenarios.OneSectorJson(0.2));

        result.Lm3.Should().BeApproximately(1.24, 1e-9);
        result.Multiplier.Should().BeApproximately(1.25, 1e-9);
    }

    [Fact]
    public void Solve_WhenRespendShareIsKeynesOpenEconomy_GivesMultiplier1_4939()
    {
        // k = 1/(1 − c(1 − t) + m) with c = 0.54, t = 0.11, m = 0.15 is a one-sector chain with r = c(1 − t) − m.
        const double c = 0.54, t = 0.11, m = 0.15;
        var result = Solve(TestScenarios.OneSectorJson((c * (1 - t)) - m));

        result.Multiplier.Should().BeApproximately(1.4939, 5e-5);
        result.Multiplier.Should().BeApproximately(1 / (1 - (c * (1 - t)) + m), 1e-12);
    }

    [Fact]
    public void Solve_WhenOneSectorRespends80Percent_Sends40000YenOnPerTenThousand()
    {
        var result = Solve(TestScenarios.OneSectorJson(0.8));

        // ¥10,000 at the shop generates ¥50,000 of turnover in all; ¥40,000 of it after the first receipt.
        result.Sectors.Single().PerTenThousandYen.Should().Be(40_000);
        result.Sectors.Single().TurnoverYen.Should().Be(5_000_000);
    }

    [Fact]
    public void Solve_CountsOnlyHandoversMadeInPoints()
    {
        // Re-spend 80 %, 30 % of it in points: a point is handed on with probability 0.24 each time.
        var result = Solve(TestScenarios.OneSectorJson(0.8, respendInPointsShare: 0.3));

        result.HandoversPerPoint.Should().BeApproximately(1 / (1 - 0.24), 1e-12);
        result.Multiplier.Should().BeApproximately(5.0, 1e-9, "paying in yen still counts as local turnover");
    }

    [Fact]
    public void Solve_InducedConsumptionIsNetNewShareOfTheResidentsSpending()
    {
        var result = Solve(TestScenarios.OneSectorJson(0.8));

        // Consumption, not turnover: the re-spend rounds it sets off are costBenefit.inducedTurnoverYen.
        result.InducedConsumptionYen.Should().Be((long)Math.Round(0.357 * 1_000_000));
    }

    [Fact]
    public void Solve_RoundsAddUpToTheExactTotal()
    {
        var result = Solve(TestScenarios.ThreeSectorJson());

        var roundsTotal = result.Rounds.Sum();
        roundsTotal.Should().BeCloseTo(result.TotalLocalTurnoverYen, (ulong)result.Rounds.Count);
        result.Sectors.Sum(s => s.TurnoverYen).Should().BeCloseTo(result.TotalLocalTurnoverYen, 4);
        result.Lm3.Should().BeLessThan(result.Multiplier);
    }

    [Fact]
    public void Solve_WithBreakage_TakesR1AsIssuedPointsLessBreakage()
    {
        var result = Solve(TestScenarios.ThreeSectorJson());

        result.R1Yen.Should().Be((long)Math.Round(400 * 13_000 * 0.95));
    }

    [Fact]
    public void Solve_WithFees_LosesTheFeesFromEachPointRespend()
    {
        var json = TestScenarios.OneSectorJson(0.5, respendInPointsShare: 1.0);
        json["merchantTransferFeeRate"] = 0.1;
        var result = Solve(json);

        // Each round keeps 0.5 × 0.9 = 0.45 of the last.
        result.Multiplier.Should().BeApproximately(1 / (1 - 0.45), 1e-12);
    }

    [Fact]
    public void Solve_ReportsSectorToSectorFlowsOfTheRespend()
    {
        var result = Solve(TestScenarios.ThreeSectorJson());

        result.Flows.Sum(f => f.Yen).Should().BeCloseTo(result.TotalLocalTurnoverYen - result.R1Yen, 20);
        result.Flows.Should().Contain(f => f.From == "retail" && f.To == "wholesale");
        result.Flows.Should().NotContain(f => f.From == "retail" && f.To == "chain");
    }

    [Theory]
    [InlineData(1.0, 5.0)] // every local re-spend of points stays points: 1 / (1 − 0.8)
    [InlineData(0.0, 2.6)] // redeemed first: 1 + 0.8 × 1 / (1 − 0.5)
    [InlineData(0.5, 3.0)] // t = 1 + 0.4·t + 0.4·2, so t = 1.8 / 0.6
    public void Solve_WhenPointsStayLocalMoreThanYen_TransfersInPointsRaiseTheMultiplier(double respendInPoints, double multiplier)
    {
        var json = TestScenarios.OneSectorJson(0.5, respendInPointsShare: respendInPoints);
        json["sectors"]![0]!["pointsLocalRespendShare"] = 0.8;

        var result = Solve(json);

        result.Multiplier.Should().BeApproximately(multiplier, 1e-12);
    }

    [Fact]
    public void Solve_WithoutPointsLocalRespendShare_TransfersDoNotChangeTheMultiplierAtZeroFees()
    {
        var inPoints = Solve(TestScenarios.OneSectorJson(0.5, respendInPointsShare: 1.0));
        var redeemed = Solve(TestScenarios.OneSectorJson(0.5, respendInPointsShare: 0.0));

        inPoints.Multiplier.Should().BeApproximately(redeemed.Multiplier, 1e-12, "points and yen then re-spend alike");
    }

    [Fact]
    public void Solve_WithPointsSupplierShares_SendsPointsReSpendThere()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["sectors"]![2]!["respendInPointsShare"] = 1.0;
        json["sectors"]![2]!["pointsSupplierShares"] = new System.Text.Json.Nodes.JsonObject { ["wholesale"] = 1.0 };

        var result = Solve(json);

        // The chain's yen re-spend never goes to wholesale; its points re-spend goes nowhere else.
        result.Flows.Should().Contain(f => f.From == "chain" && f.To == "wholesale");
    }
}
