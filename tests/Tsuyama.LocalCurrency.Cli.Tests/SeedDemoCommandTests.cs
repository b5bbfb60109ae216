using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Tsuyama.LocalCurrency.Cli.Commands;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Cli.Tests;

public sealed class SeedDemoCommandTests : IDisposable
{
    private const int Days = 20;
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task SeedDemo_WithDays_SpreadsPaymentsOverEachPastDay_SettlesEveryPastCutoff_AndVerifies()
    {
        var seed = await _cli.RunAsync("seed-demo", "--db", _cli.Db, "--days", Days.ToString(CultureInfo.InvariantCulture),
            "--residents", "30", "--payments", "300");
        var verify = await _cli.RunAsync("verify", "--db", _cli.Db, "--json");

        seed.ExitCode.Should().Be(0, seed.Error);
        verify.ExitCode.Should().Be(0, verify.Output + verify.Error);
        JsonNode.Parse(verify.Output)!["ok"]!.GetValue<bool>().Should().BeTrue();
        var today = JapanTime.Today(TimeProvider.System);
        var window = Enumerable.Range(1, Days).Select(i => today.AddDays(-i)).ToList();
        var paymentDays = Query("SELECT DISTINCT date(CreatedAt, '+9 hours') FROM Payments").Select(DateOnly.Parse).ToList();
        paymentDays.Should().BeEquivalentTo(window, "every one of the past days had payments, and none is in the future");
        // Independent of the seeder's own rule: the 15th and each month's last day, as the web host's settlement jobs run.
        var cutoffs = window.Where(d => d.Day == 15 || d.Day == DateTime.DaysInMonth(d.Year, d.Month)).ToList();
        cutoffs.Should().NotBeEmpty("any 20 days hold a 15th or a month end");
        Query("SELECT Cutoff FROM Settlements").Select(DateOnly.Parse).Should().BeEquivalentTo(cutoffs);
        Query("SELECT count(*) FROM SettlementLines").Single().Should().NotBe("0");
        Query("SELECT count(*) FROM Refunds").Single().Should().NotBe("0");
        Query("SELECT count(*) FROM MerchantTransfers").Single().Should().NotBe("0");
        Query("SELECT count(*) FROM Notifications").Single().Should().NotBe("0", "the short program's reminders fell inside the window");
    }

    [Fact]
    public async Task SeedDemo_PaymentsAreFrontLoaded_MoreInTheFirstWeekThanInTheLast()
    {
        (await _cli.RunAsync("seed-demo", "--db", _cli.Db, "--days", Days.ToString(CultureInfo.InvariantCulture), "--residents", "30",
            "--payments", "300")).ExitCode.Should().Be(0);

        var perDay = Query("SELECT count(*) FROM Payments GROUP BY date(CreatedAt, '+9 hours') ORDER BY date(CreatedAt, '+9 hours')")
            .Select(int.Parse).ToList();

        perDay.Take(7).Sum().Should().BeGreaterThan(2 * perDay.TakeLast(7).Sum());
    }

    [Fact]
    public async Task SeedDemo_OnADatabaseWithSettlements_RefusesBeforeWritingAnything()
    {
        (await _cli.RunAsync("migrate", "--db", _cli.Db)).ExitCode.Should().Be(0);
        _cli.Execute("INSERT INTO Settlements (Id, Cutoff, CreatedAt, TransferDate, MerchantCount, Points, FeeYen, TaxInFeeYen, PayoutYen) " +
            "VALUES ('00000000-0000-0000-0000-000000000001', '2026-01-15', '2026-01-16 00:00:00', '2026-01-20', 0, 0, 0, 0, 0)");

        var seed = await _cli.RunAsync("seed-demo", "--db", _cli.Db, "--days", "5", "--residents", "3", "--payments", "5");

        seed.ExitCode.Should().NotBe(0);
        seed.Error.Should().Contain("already holds settlements");
        Query("SELECT count(*) FROM Programs").Single().Should().Be("0");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("731")]
    public async Task SeedDemo_WithDaysOutOfRange_ExitsNonZeroSayingSo(string days)
    {
        var seed = await _cli.RunAsync("seed-demo", "--db", _cli.Db, "--days", days);

        seed.ExitCode.Should().NotBe(0);
        seed.Error.Should().Contain("--days must be 1–730");
    }

    [Fact]
    public void Plan_WithEnoughPayments_PutsAtLeastOneOnEveryDay_AndSharesExactlyTheTotal()
    {
        var plan = DemoSchedule.Plan(new DateOnly(2026, 10, 1), 60, 200, 3000, new Random(1));

        plan.Payments.Should().HaveCount(60).And.OnlyContain(n => n >= 1);
        plan.Payments.Sum().Should().Be(3000);
        plan.PurchaseDay.Should().OnlyContain(d => d >= 0 && d < plan.SalesDays);
    }

    [Fact]
    public void Plan_OnAWeekendAfterTheRush_PlansMoreThanOnTheWorkingDaysAroundIt()
    {
        // 2026-11-07 is a Saturday, three weeks after sales opened on 2026-10-17.
        var plan = DemoSchedule.Plan(new DateOnly(2026, 10, 17), 60, 200, 3000, new Random(1));
        int On(int month, int day) => plan.Payments[new DateOnly(2026, month, day).DayNumber - new DateOnly(2026, 10, 17).DayNumber];

        On(11, 7).Should().BeGreaterThan(On(11, 6));
        On(11, 7).Should().BeGreaterThan(On(11, 10));
    }

    [Fact]
    public void PaymentTime_FallsBetween11And20_PeakingAtLunchAndAfterWork()
    {
        var random = new Random(3);
        var hours = Enumerable.Range(0, 20_000).Select(_ => DemoSchedule.PaymentTime(random)).ToList();

        hours.Should().OnlyContain(t => t >= new TimeOnly(11, 0) && t < new TimeOnly(20, 0));
        int In(int hour) => hours.Count(t => t.Hour == hour);
        In(12).Should().BeGreaterThan(In(14) * 3 / 2, "lunch");
        In(17).Should().BeGreaterThan(In(14) * 3 / 2, "after work");
    }

    private List<string> Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_cli.Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
