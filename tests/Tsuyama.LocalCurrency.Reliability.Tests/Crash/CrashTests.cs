using Tsuyama.LocalCurrency.FaultHarness;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.TestDatabases;
using Xunit.Abstractions;

namespace Tsuyama.LocalCurrency.Reliability.Tests.Crash;

/// <summary>
/// Small versions of the harness (<c>dotnet run -c Release --project tests/Tsuyama.LocalCurrency.FaultHarness -- crash|kill-cli</c>):
/// the real web host and CLI as separate processes, killed with SIGKILL.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private static string Directory => Path.Combine(Path.GetTempPath(), "tlc-reliability", "crash-" + Guid.NewGuid().ToString("N"));

    [ProviderTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WebHost_KilledUnderLoad_KeepsEveryAcknowledgedPayment_AndRetriesNeverPayTwice(DatabaseProvider provider)
    {
        var directory = Directory;
        await using var database = await TestDatabase.CreateAsync(provider, System.IO.Directory.CreateDirectory(directory).FullName);
        var report = await new CrashLoop(directory, clients: 4, seed: 7, output.WriteLine, database.Options).RunAsync(rounds: 3);
        output.WriteLine(report.ToString());

        report.Problems.Should().BeEmpty();
        report.Totals.Balanced.Should().BeTrue(report.Totals.ToString());
        report.Acknowledged.Should().BeGreaterThan(0);
        report.Retried.Should().BeGreaterThan(0, "the kills must cut some answers off");
        report.Payments.Should().Be(report.Acknowledged);
    }

    [Fact]
    public async Task Cli_KilledDuringSettleExpireAndSeal_RerunsComplete_AndNobodyIsPaidOrExpiredTwice()
    {
        var report = await new CliKills(Directory, seed: 7, output.WriteLine, residents: 20, merchants: 8).RunAsync(rounds: 1);
        output.WriteLine(report.ToString());

        report.Problems.Should().BeEmpty();
        report.Reruns.Should().Be(3);
    }
}
