using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Simulation.MonteCarlo;
using Tsuyama.LocalCurrency.Simulation.Reports;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation.Tests;

/// <summary>Issue #13 item 6: when residents spend, when shops redeem, velocity in days, the expiry date on the curve.</summary>
public class TimeTests
{
    [Fact]
    public void DefaultSpendingCurve_SpendsAbout62PercentBy23PercentOfThePeriod_AheadOfTheCitedRedemptionFigures()
    {
        var weights = SpendingCurves.Default;
        var part = 1.0 / weights.Count;
        double SpentBy(double share) => Enumerable.Range(0, weights.Count)
            .Sum(k => Math.Clamp(share - (k * part), 0, part) / part * weights[k] / weights.Sum());

        // 62 % was already redeemed 22–28 % of the way through, and redemption lags spending.
        SpentBy(0.23).Should().BeApproximately(0.62, 0.01);
        SpentBy(0.22).Should().BeLessThan(0.62).And.BeGreaterThan(0.55);
        SpentBy(0.28).Should().BeGreaterThan(0.62);
        weights.Should().BeInDescendingOrder("front-loaded: each part of the period sees less spending than the one before");
        SpendingCurves.DefaultSource.Should().Contain("東海新報").And.Contain("assumption");
    }

    [Fact]
    public void Run_WithoutASpendingCurve_SpendsByTheDefaultCurve_MeanDayAsComputedByHand()
    {
        var json = TestScenarios.ThreeSectorJson();
        var byDefault = Run(json);
        json["monteCarlo"]!["spendingCurve"] = new JsonArray(1.0);
        var even = Run(json);

        // Default: Σ w_k (k + ½) / 6 × 60 days / Σ w = 15.7, less ½ because days are whole (floor). Even: (60 − 1) / 2.
        byDefault.Velocity.MeanDaysInWallets.Should().BeApproximately(15.2, 0.6);
        even.Velocity.MeanDaysInWallets.Should().BeApproximately(29.5, 0.6);
    }

    [Fact]
    public void Run_WithSettlementCutoffs_PointsLeaveCirculationOnlyOnTheDayAfterEachCutoff()
    {
        var json = WithoutFeesOrBreakage();
        json["monteCarlo"]!["settlementCutoffEveryDays"] = 15;

        var outstanding = Run(json).OutstandingPoints;

        var falls = Enumerable.Range(1, outstanding.Count - 1).Where(d => outstanding[d] < outstanding[d - 1]).ToList();
        falls.Should().NotBeEmpty().And.OnlyContain(d => d > 15 && (d - 1) % 15 == 0, "settlements run the day after days 15, 30, 45, …");
    }

    [Fact]
    public void Run_RedeemingAtOnce_LetsPointsLeaveOnManyOtherDays()
    {
        var json = WithoutFeesOrBreakage();
        json["monteCarlo"]!["settlementCutoffEveryDays"] = 0;

        var outstanding = Run(json).OutstandingPoints;

        Enumerable.Range(1, outstanding.Count - 1).Count(d => outstanding[d] < outstanding[d - 1] && (d - 1) % 15 != 0)
            .Should().BeGreaterThan(30);
    }

    [Fact]
    public void Run_WithSettlementCutoffs_MovesExactlyTheSameMoney_OnlyLater()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["monteCarlo"]!["settlementCutoffEveryDays"] = 0;
        var atOnce = Run(json);
        json["monteCarlo"]!["settlementCutoffEveryDays"] = 15;
        var atCutoffs = Run(json);

        atCutoffs.TurnoverYen.Samples.Should().Equal(atOnce.TurnoverYen.Samples, "the settlement day draws no randomness and changes no amount");
        atCutoffs.Lm3.Samples.Should().Equal(atOnce.Lm3.Samples);
        atCutoffs.OutstandingPoints.Sum().Should().BeGreaterThan(atOnce.OutstandingPoints.Sum());
    }

    [Fact]
    public void Velocity_ShopsHoldPointsForTheirDelay_AndLongerWhenTheyWaitForASettlement()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["monteCarlo"]!["settlementCutoffEveryDays"] = 0;
        var atOnce = Run(json).Velocity;
        json["monteCarlo"]!["settlementCutoffEveryDays"] = 15;
        var atCutoffs = Run(json).Velocity;

        // A shop acts 1–14 days after receiving (uniform): (1 + 14) / 2.
        atOnce.MeanDaysWithShops.Should().BeApproximately(7.5, 0.3);
        // Redeemed points then wait for the next cutoff (about half the interval) and the run the day after.
        atCutoffs.MeanDaysWithShops.Should().BeGreaterThan(atOnce.MeanDaysWithShops + 4);
        atCutoffs.DaysPerHandover.Should().BeGreaterThan(atOnce.DaysPerHandover);
    }

    [Fact]
    public void Velocity_DaysPerHandover_IsPointDaysOverPointsHandedOver()
    {
        var json = WithoutFeesOrBreakage();
        json["monteCarlo"]!["settlementCutoffEveryDays"] = 0;
        var result = Run(json);

        // Each point is in a wallet until spent, then with a shop until passed on in points or redeemed.
        var scenario = TestScenarios.Load(json);
        var expected = result.OutstandingPoints.Sum(p => (double)p) / (result.HandoversPerPoint.Mean * scenario.IssuedPoints);
        result.Velocity.DaysPerHandover.Should().BeApproximately(expected, 0.2);
    }

    [Fact]
    public void Report_ShowsTheExpiryDateOnTheOutstandingCurve_AndVelocityInDays()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["startDate"] = "2026-04-01";
        var scenario = TestScenarios.Load(json);
        var result = MonteCarloEngine.Run(FlowModel.From(scenario), runs: 4);

        var html = HtmlReport.OutstandingSection(scenario, result);

        // 60 days from 1 April: the last valid day is 30 May.
        scenario.ExpiresOn.Should().Be(new DateOnly(2026, 5, 30));
        result.ExpiresOn.Should().Be(new DateOnly(2026, 5, 30));
        html.Should().Contain("有効期限は <strong>2026-05-30</strong>")
            .And.Contain("有効期限 2026-05-30（60日間）")
            .And.Contain(">2026-04-01</text>")
            .And.Contain("15 日ごとの精算")
            .And.Contain("ポイントが次に渡されるまでの平均日数");
    }

    [Fact]
    public void OutstandingCsv_GivesEachDaysDate_AndWhetherPointsWereStillValid()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["startDate"] = "2026-04-01";
        var scenario = TestScenarios.Load(json);
        var directory = Directory.CreateTempSubdirectory("tsuyama-time-").FullName;
        try
        {
            ReportWriter.Write(directory, scenario, SimulationRunner.Run(scenario, runs: 3));

            var lines = File.ReadAllLines(Path.Combine(directory, "outstanding.csv"));
            lines[0].TrimStart('\uFEFF').Should().Be("日,日付,有効期間内,流通ポイント残高_平均");
            lines[1].Should().StartWith("0,2026-04-01,1,");
            lines[60].Should().StartWith("59,2026-05-30,1,", "the last valid day");
            lines[61].Should().StartWith("60,2026-05-31,0,");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void ResultJson_CarriesVelocityInDaysAndTheExpiryDate()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["startDate"] = "2026-04-01";
        var result = SimulationRunner.Run(TestScenarios.Load(json), runs: 3);

        var monteCarlo = JsonNode.Parse(ResultJson.Serialize(result))!["monteCarlo"]!;

        monteCarlo["velocity"]!["daysPerHandover"]!.GetValue<double>().Should().BePositive();
        monteCarlo["velocity"]!["meanDaysInWallets"]!.GetValue<double>().Should().BePositive();
        monteCarlo["velocity"]!["meanDaysWithShops"]!.GetValue<double>().Should().BePositive();
        monteCarlo["expiryDay"]!.GetValue<int>().Should().Be(60);
        monteCarlo["expiresOn"]!.GetValue<string>().Should().Be("2026-05-30");
    }

    [Theory]
    [InlineData("startDate", "2026/04/01", "startDate must be a date like 2026-04-01")]
    [InlineData("settlementCutoffEveryDays", "-1", "monteCarlo.settlementCutoffEveryDays must be 0")]
    public void Parse_WithABadTimeSetting_SaysWhich(string field, string value, string message)
    {
        var json = TestScenarios.ThreeSectorJson();
        if (field == "startDate")
        {
            json[field] = value;
        }
        else
        {
            json["monteCarlo"]![field] = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        var act = () => TestScenarios.Load(json);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle(e => e.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ThenToJson_KeepsTheTimeSettings()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["startDate"] = "2026-04-01";
        json["monteCarlo"]!["settlementCutoffEveryDays"] = 10;

        var again = ScenarioLoader.Parse(ScenarioLoader.ToJson(TestScenarios.Load(json)));

        again.StartDate.Should().Be(new DateOnly(2026, 4, 1));
        again.MonteCarlo.SettlementCutoffEveryDays.Should().Be(10);
        again.MonteCarlo.SpendingCurve.Should().BeNull("an absent curve stays absent and means the default");
    }

    private static MonteCarloResult Run(JsonObject json) => MonteCarloEngine.Run(FlowModel.From(TestScenarios.Load(json)), runs: 40);

    private static JsonObject WithoutFeesOrBreakage()
    {
        var json = TestScenarios.ThreeSectorJson();
        json["merchantTransferFeeRate"] = 0.0;
        json["redemptionFeeRate"] = 0.0;
        json["breakageShare"] = 0.0;
        return json;
    }
}
