namespace Tsuyama.LocalCurrency.Cli.Tests;

public sealed class ResetPasswordCommandTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ResetPassword_ForAKnownUser_PrintsATemporaryPasswordAndFlagsTheChange()
    {
        (await _cli.RunAsync("seed-demo", "--db", _cli.Db, "--residents", "3", "--payments", "5")).ExitCode.Should().Be(0);

        var reset = await _cli.RunAsync("reset-password", "--db", _cli.Db, "--email", "resident0001@demo.tsuyama.example");

        reset.ExitCode.Should().Be(0, reset.Error);
        reset.Output.Should().MatchRegex("Temporary password for resident0001@demo.tsuyama.example: [A-Za-z0-9]{12} ");
    }

    [Fact]
    public async Task ResetPassword_ForAnUnknownEmail_ExitsNonZeroSayingSo()
    {
        (await _cli.RunAsync("migrate", "--db", _cli.Db)).ExitCode.Should().Be(0);

        var reset = await _cli.RunAsync("reset-password", "--db", _cli.Db, "--email", "nobody@example.jp");

        reset.ExitCode.Should().NotBe(0);
        reset.Error.Should().Contain("nobody@example.jp");
    }
}
