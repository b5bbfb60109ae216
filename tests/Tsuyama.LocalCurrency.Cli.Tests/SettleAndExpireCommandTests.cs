using System.Text;
using Microsoft.Data.Sqlite;
using Tsuyama.LocalCurrency.Cli.Commands;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Payouts.Zengin;

namespace Tsuyama.LocalCurrency.Cli.Tests;

public sealed class SettleAndExpireCommandTests
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Settle_WithOut_WritesTheZenginFileAndAStatementPerMerchant()
    {
        await using var ledger = await CliLedger.CreateAsync(merchants: 2);

        var exit = await ledger.RunAsync(SettleCommand.Create(), "--cutoff", Day(CliLedger.PastDay), "--out", ledger.OutPath);

        exit.Should().Be(0);
        var zengin = ZenginFileReader.Parse(await File.ReadAllBytesAsync(Path.Combine(ledger.OutPath, $"zengin-{Day(CliLedger.PastDay)}.txt")));
        zengin.Records.Should().HaveCount(2);
        zengin.Trailer.TotalAmount.Should().Be(2 * (1_000 - 15));
        Directory.GetFiles(ledger.OutPath, "statement-*.html").Should().HaveCount(2);
        var csv = Directory.GetFiles(ledger.OutPath, "statement-*.csv").Should().HaveCount(2).And.Subject.First();
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(csv));
        text.Should().StartWith("\uFEFF精算明細書").And.Contain("****567");
    }

    [Fact]
    public async Task Settle_SameCutoffAgain_FailsWithoutPayingTwice()
    {
        await using var ledger = await CliLedger.CreateAsync(merchants: 1);
        (await ledger.RunAsync(SettleCommand.Create(), "--cutoff", Day(CliLedger.PastDay))).Should().Be(0);

        var again = await ledger.RunAsync(SettleCommand.Create(), "--cutoff", Day(CliLedger.PastDay));

        again.Should().NotBe(0);
        (await ScalarAsync(ledger, "SELECT COUNT(*) FROM Transfers WHERE Type = 5")).Should().Be(1);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("30/04/2026")]
    [InlineData("tomorrow")]
    public async Task Settle_UnparseableCutoff_FailsWithAMessage(string cutoff)
    {
        await using var ledger = await CliLedger.CreateAsync(merchants: 0);
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            (await ledger.RunAsync(SettleCommand.Create(), "--cutoff", cutoff)).Should().NotBe(0);
        }
        finally
        {
            Console.SetError(original);
        }

        error.ToString().Should().Contain("--cutoff must be a date like");
    }

    [Fact]
    public async Task Expire_AsOfToday_ExpiresTheRemainingLotsOnce()
    {
        await using var ledger = await CliLedger.CreateAsync(merchants: 1);
        var today = Day(JapanTime.Today(TimeProvider.System));

        (await ledger.RunAsync(ExpireCommand.Create(), "--as-of", today, "--batch-size", "1")).Should().Be(0);
        (await ledger.RunAsync(ExpireCommand.Create(), "--as-of", today)).Should().Be(0);

        (await ScalarAsync(ledger, "SELECT COUNT(*) FROM Transfers WHERE Type = 6")).Should().Be(2, "one per kind, the second run finding nothing");
        (await ScalarAsync(ledger, "SELECT SUM(Remaining) FROM Lots")).Should().Be(0);
        (await ScalarAsync(ledger, "SELECT SUM(Amount) FROM Balances WHERE AccountId IN (SELECT Id FROM Merchants)")).Should().Be(1_000);
    }

    [Fact]
    public async Task Expire_BadDate_FailsWithoutTouchingTheLedger()
    {
        await using var ledger = await CliLedger.CreateAsync(merchants: 0);

        (await ledger.RunAsync(ExpireCommand.Create(), "--as-of", "2026/04/01")).Should().NotBe(0);

        (await ScalarAsync(ledger, "SELECT COUNT(*) FROM Transfers WHERE Type = 6")).Should().Be(0);
    }

    private static async Task<long> ScalarAsync(CliLedger ledger, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={ledger.DbPath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
