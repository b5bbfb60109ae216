using System.Text;
using Microsoft.Data.Sqlite;
using Tsuyama.LocalCurrency.Cli.Commands;

namespace Tsuyama.LocalCurrency.Cli.Tests;

public sealed class PapersCommandTests
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Papers_ForASettlement_WritesEachShopsInvoiceAndNotice_AndMarksASecondRunReissued()
    {
        await using var ledger = await CliLedger.CreateAsync(merchants: 2);
        (await ledger.RunAsync(SettleCommand.Create(), "--cutoff", Day(CliLedger.PastDay))).Should().Be(0);
        var settlement = await SettlementIdAsync(ledger);

        (await ledger.RunAsync(PapersCommand.Create(), "--settlement", settlement, "--out", ledger.OutPath)).Should().Be(0);
        var first = await HtmlAsync(ledger);
        (await ledger.RunAsync(PapersCommand.Create(), "--settlement", settlement, "--out", ledger.OutPath)).Should().Be(0);
        var second = await HtmlAsync(ledger);

        Directory.GetFiles(ledger.OutPath, "invoice-R*.html").Should().HaveCount(2);
        Directory.GetFiles(ledger.OutPath, "payment-notice-N*.html").Should().HaveCount(2);
        Directory.GetFiles(ledger.OutPath, "*.csv").Should().HaveCount(4);
        first.Should().HaveCount(4).And.OnlyContain(h => !h.Contains(Stamp, StringComparison.Ordinal), "the printed HTML is the original");
        second.Should().HaveCount(4).And.OnlyContain(h => h.Contains(Stamp, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Papers_UnknownSettlement_FailsWithAMessage()
    {
        await using var ledger = await CliLedger.CreateAsync(merchants: 0);

        (await ledger.RunAsync(PapersCommand.Create(), "--settlement", Guid.NewGuid().ToString(), "--out", ledger.OutPath)).Should().NotBe(0);
        (await ledger.RunAsync(PapersCommand.Create(), "--settlement", "latest", "--out", ledger.OutPath)).Should().NotBe(0);
    }

    private const string Stamp = "<span class=\"reissue\">再発行</span>";

    private static async Task<List<string>> HtmlAsync(CliLedger ledger) =>
        [.. await Task.WhenAll(Directory.GetFiles(ledger.OutPath, "*.html").Where(f => !Path.GetFileName(f).StartsWith("statement", StringComparison.Ordinal))
            .Select(f => File.ReadAllTextAsync(f, Encoding.UTF8)))];

    private static async Task<string> SettlementIdAsync(CliLedger ledger)
    {
        await using var connection = new SqliteConnection($"Data Source={ledger.DbPath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Settlements";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
