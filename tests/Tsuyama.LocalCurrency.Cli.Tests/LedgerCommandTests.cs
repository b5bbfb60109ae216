using System.Text.Json.Nodes;

namespace Tsuyama.LocalCurrency.Cli.Tests;

public sealed class LedgerCommandTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Migrate_OnAFreshPath_CreatesTheDatabaseAndIsThenUpToDate()
    {
        var first = await _cli.RunAsync("migrate", "--db", _cli.Db);
        var second = await _cli.RunAsync("migrate", "--db", _cli.Db);

        first.ExitCode.Should().Be(0, first.Error);
        first.Output.Should().Contain("Applied");
        second.Output.Should().Contain("up to date");
        File.Exists(_cli.Db).Should().BeTrue();
    }

    [Fact]
    public async Task SeedDemoThenVerify_OnAFreshPath_SeedsActivityAndVerifiesClean()
    {
        var seed = await _cli.RunAsync("seed-demo", "--db", _cli.Db, "--residents", "30", "--payments", "300");
        var verify = await _cli.RunAsync("verify", "--db", _cli.Db, "--json");

        seed.ExitCode.Should().Be(0, seed.Error);
        seed.Output.Should().Contain("Seeded 20 merchants, 30 residents");
        verify.ExitCode.Should().Be(0, verify.Output + verify.Error);
        var report = JsonNode.Parse(verify.Output)!;
        report["ok"]!.GetValue<bool>().Should().BeTrue();
        report["transfers"]!.GetValue<long>().Should().BeGreaterThan(300);
        report["sealedTransfers"]!.GetValue<long>().Should().Be(report["transfers"]!.GetValue<long>());
    }

    [Fact]
    public async Task Seal_PrintsTheHead_AndVerifyAnchorAcceptsItButNotAnotherHash()
    {
        await _cli.RunAsync("seed-demo", "--db", _cli.Db, "--residents", "5", "--payments", "10");

        var seal = await _cli.RunAsync("seal", "--db", _cli.Db);
        var head = seal.Output.Split('\n').Single(l => l.StartsWith("head ", StringComparison.Ordinal))["head ".Length..].Trim();
        var anchored = await _cli.RunAsync("verify", "--db", _cli.Db, "--anchor", head);
        var wrong = await _cli.RunAsync("verify", "--db", _cli.Db, "--anchor", new string('a', 64));

        head.Should().MatchRegex("^[0-9a-f]{64}$");
        anchored.ExitCode.Should().Be(0, anchored.Output + anchored.Error);
        wrong.ExitCode.Should().NotBe(0);
        wrong.Output.Should().Contain("anchored head hash");
    }

    [Fact]
    public async Task SeedDemo_TwiceOnOneDatabase_RefusesTheSecondTime()
    {
        await _cli.RunAsync("seed-demo", "--db", _cli.Db, "--residents", "5", "--payments", "10");

        var again = await _cli.RunAsync("seed-demo", "--db", _cli.Db, "--residents", "5", "--payments", "10");

        again.ExitCode.Should().NotBe(0);
        again.Error.Should().Contain("already holds the demo program");
    }

    [Theory]
    [InlineData("UPDATE Transfers SET Amount = Amount + 100 WHERE Sequence = 5", "does not match its hash")]
    [InlineData("DELETE FROM Transfers WHERE Sequence = 7", "transfer was deleted or inserted")]
    [InlineData("UPDATE Balances SET Amount = Amount - 1 WHERE rowid = 3", "but its transfers sum to")]
    public async Task Verify_AfterTamperingWithTheFile_ExitsNonZeroAndSaysWhat(string tampering, string expected)
    {
        (await _cli.RunAsync("seed-demo", "--db", _cli.Db, "--residents", "10", "--payments", "60")).ExitCode.Should().Be(0);
        _cli.Execute(tampering);

        var verify = await _cli.RunAsync("verify", "--db", _cli.Db);

        verify.ExitCode.Should().Be(1);
        verify.Output.Should().Contain("FAILED").And.Contain(expected);
    }

    [Fact]
    public async Task Verify_OnAPathThatIsNotADatabase_ExitsWithAClearError()
    {
        var path = Path.Combine(_cli.Directory, "not-a-db.txt");
        await File.WriteAllTextAsync(path, "hello, this is not SQLite");

        var verify = await _cli.RunAsync("verify", "--db", path);

        verify.ExitCode.Should().Be(2);
        verify.Error.Should().StartWith("error:");
    }

    [Fact]
    public async Task UnknownCommand_ExitsNonZero()
    {
        var result = await _cli.RunAsync("frobnicate");

        result.ExitCode.Should().NotBe(0);
    }
}
