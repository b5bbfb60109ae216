namespace Tsuyama.LocalCurrency.FaultHarness;

public sealed record CliKillReport(int Rounds, int Kills, IReadOnlyList<string> Problems)
{
    public override string ToString() => $"CLI kill rounds {Rounds} (settle, expire, seal each), kills mid-run {Kills}, problems {Problems.Count}"
        + string.Concat(Problems.Select(p => Environment.NewLine + "  PROBLEM: " + p));
}

/// <summary>Placeholder until the CLI kill rounds are written.</summary>
public sealed class CliKills(string directory, int seed, Action<string> log)
{
    public Task<CliKillReport> RunAsync(int rounds)
    {
        _ = (directory, seed, log);
        return Task.FromResult(new CliKillReport(rounds, 0, ["not written yet"]));
    }
}
