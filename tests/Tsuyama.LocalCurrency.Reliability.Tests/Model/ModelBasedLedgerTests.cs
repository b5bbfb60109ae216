using CsCheck;
using Tsuyama.LocalCurrency.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Tsuyama.LocalCurrency.Reliability.Tests.Model;

/// <summary>
/// Random sequences of purchases, payments (store QR, dynamic QR, presented code), refunds,
/// merchant transfers, settlements, expiry and day changes, some concurrent and some sent twice,
/// against the real use cases and <see cref="LedgerModel"/>. A failure prints CsCheck's seed and
/// the smallest failing sequence it found.
/// </summary>
public sealed class ModelBasedLedgerTests(ITestOutputHelper output)
{
    public const int Sequences = 200;

    [Fact]
    public async Task RandomSequences_MatchTheReferenceModel_AfterEveryStep()
    {
        var (steps, submissions) = (0, 0);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await OpGen.Sequence.SampleAsync(async ops =>
        {
            await using var sequence = await LedgerSequence.StartAsync();
            await sequence.RunAsync(ops);
            Interlocked.Add(ref steps, sequence.Steps);
            Interlocked.Add(ref submissions, sequence.Submissions);
        }, iter: Sequences, seed: FuzzSeed.Or("0000000000031"), print: OpGen.Describe);

        output.WriteLine($"{Sequences} sequences, {steps} steps, {submissions} submissions in {watch.Elapsed.TotalSeconds:F0} s");
        steps.Should().BeGreaterThan(Sequences * 4);
    }
}
