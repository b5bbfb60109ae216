using Microsoft.Data.Sqlite;
using Tsuyama.LocalCurrency.Cli.Commands;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Grants.CreateGrantBudget;
using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;
using Tsuyama.LocalCurrency.Features.Residents.RegisterResident;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Features.Sales.Apply;
using Tsuyama.LocalCurrency.Features.Sales.SetSalesRules;

namespace Tsuyama.LocalCurrency.Cli.Tests;

public sealed class SalesCommandTests
{
    private static readonly DateOnly Day = CliLedger.PastDay;

    private static async Task<object?> ScalarAsync(CliLedger ledger, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={ledger.DbPath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>A lottery program whose applications closed days ago, with three applications for two units.</summary>
    private static async Task<CliLedger> LotteryLedgerAsync()
    {
        var ledger = await CliLedger.CreateAsync(merchants: 0);
        await ledger.SendAsync(Day, new CreateProgramCommand("L1", "抽選", 10_000, new PointsPerUnit(6_000, 7_000), 2, 1,
            Day, Day.AddDays(40), Day.AddDays(200), 150, true, 50));
        await ledger.SendAsync(Day, new SetSalesRulesCommand("L1", AllocationRule.Lottery, Day, Day.AddDays(2), 7, null));
        for (var i = 0; i < 3; i++)
        {
            var resident = Guid.CreateVersion7();
            await ledger.SendAsync(Day, new RegisterResidentCommand($"l{i}-{resident:N}@example.jp", null, "住民"));
            var id = (Guid)(await ScalarAsync(ledger, $"SELECT Id FROM Residents WHERE Email LIKE 'l{i}-%'") is string s ? Guid.Parse(s) : Guid.Empty);
            await ledger.SendAsync(Day, new ApplyCommand(id, "L1", 1));
        }

        return ledger;
    }

    [Fact]
    public async Task Lottery_WithASeed_DrawsOnceStoresTheSeedAndShowPrintsIt()
    {
        await using var ledger = await LotteryLedgerAsync();

        var drawn = await ledger.RunAsync(LotteryCommand.Create(), "L1", "--seed", "public-seed-2026");
        var again = await ledger.RunAsync(LotteryCommand.Create(), "L1", "--seed", "public-seed-2026");
        var shown = await ledger.RunAsync(LotteryCommand.Create(), "L1", "--show", "--json");

        drawn.Should().Be(0);
        again.Should().NotBe(0, "a lottery is drawn once");
        shown.Should().Be(0);
        (await ScalarAsync(ledger, "SELECT Seed FROM LotteryDraws")).Should().Be("public-seed-2026");
        (await ScalarAsync(ledger, $"SELECT COUNT(*) FROM SalesApplications WHERE Status = {(int)ApplicationStatus.Won}")).Should().Be(2L);
        (await ScalarAsync(ledger, $"SELECT COUNT(*) FROM SalesApplications WHERE Status = {(int)ApplicationStatus.Waiting}")).Should().Be(1L);
    }

    [Fact]
    public async Task Lottery_OfAnUnknownProgram_FailsWithAMessage()
    {
        await using var ledger = await CliLedger.CreateAsync(merchants: 0);

        (await ledger.RunAsync(LotteryCommand.Create(), "NOPE")).Should().Be(2);
    }

    [Fact]
    public async Task GrantCsv_GrantsTheGoodRows_ExitsOneWhenARowIsRefused_AndARerunGrantsNothingTwice()
    {
        await using var ledger = await CliLedger.CreateAsync(merchants: 0);
        var today = JapanTime.Today(TimeProvider.System);
        await ledger.SendAsync(today, new CreateGrantBudgetCommand("HEALTH", "健康ポイント", 10_000, today.AddDays(30), 0));
        var email = (string)(await ScalarAsync(ledger, "SELECT Email FROM Residents LIMIT 1"))!;
        var csv = Path.Combine(ledger.Directory, "grants.csv");
        await File.WriteAllTextAsync(csv, $"resident,points,reason,key\n{email},400,健診受診,r1\nnobody@example.jp,100,健診受診,r2\n");

        var first = await ledger.RunAsync(GrantCommand.Create(), "--budget", "HEALTH", "--csv", csv);
        var rerun = await ledger.RunAsync(GrantCommand.Create(), "--budget", "HEALTH", "--csv", csv, "--json");
        var missing = await ledger.RunAsync(GrantCommand.Create(), "--budget", "HEALTH", "--csv", Path.Combine(ledger.Directory, "none.csv"));

        first.Should().Be(1);
        rerun.Should().Be(1);
        missing.Should().Be(2);
        (await ScalarAsync(ledger, "SELECT COUNT(*) FROM Grants")).Should().Be(1L);
        (await ScalarAsync(ledger, "SELECT RemainingPoints FROM GrantBudgets")).Should().Be(9_600L);
    }

    [Theory]
    [InlineData("lottery", "--seed")]
    [InlineData("grant", "--csv")]
    public async Task Help_DescribesTheCommandAndItsOptions(string command, string option)
    {
        using var cli = new CliProcess();

        var (exit, output, _) = await cli.RunAsync(command, "--help");

        exit.Should().Be(0);
        output.Should().Contain(option);
    }
}
