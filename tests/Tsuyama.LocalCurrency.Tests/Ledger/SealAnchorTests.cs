using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Integrity.Seal;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Jobs;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

public sealed class SealAnchorTests
{
    private static async Task<LedgerTestHost> LedgerAsync(string? key)
    {
        var host = await LedgerTestHost.CreateAsync(s => s.Configure<SealOptions>(o => o.Key = key));
        await host.CreateProgramAsync();
        for (var i = 0; i < 3; i++)
        {
            await host.BuyAsync(await host.RegisterResidentAsync());
        }

        return host;
    }

    /// <summary>
    /// What someone who can write the database but has no key can do: change a sealed transfer in a way no balance
    /// shows (its time), then recompute every block hash and link in order.
    /// </summary>
    private static Task RewriteHistoryAsync(LedgerTestHost host) => host.WithDbAsync(async db =>
    {
        await db.Transfers.Where(t => t.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedAt, t => t.CreatedAt.AddDays(-3)));
        var transfers = await db.Transfers.AsNoTracking().OrderBy(t => t.Sequence).ToListAsync();
        var previous = SealHasher.GenesisHash;
        foreach (var block in await db.SealBlocks.AsNoTracking().OrderBy(b => b.Number).ToListAsync())
        {
            using var hash = SealHasher.Begin(previous);
            foreach (var t in transfers.Where(t => t.Sequence >= block.FirstSequence && t.Sequence <= block.LastSequence))
            {
                SealHasher.Append(hash, t);
            }

            var recomputed = SealHasher.Finish(hash);
            await db.SealBlocks.Where(b => b.Number == block.Number)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Hash, recomputed).SetProperty(b => b.PreviousHash, previous));
            previous = recomputed;
        }

        return 0;
    });

    [Fact]
    public async Task Verify_WhenSealedHistoryIsRewrittenAndEveryHashRecomputedWithoutTheKey_FailsOnTheSignature()
    {
        await using var host = await LedgerAsync(Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7)).ToArray()));
        await host.MustAsync(new SealLedgerCommand(TimeSpan.Zero, MaxTransfersPerBlock: 2));
        (await host.MustAsync(new VerifyLedgerQuery())).Ok.Should().BeTrue();

        await RewriteHistoryAsync(host);
        var report = await host.MustAsync(new VerifyLedgerQuery());

        report.Signed.Should().BeTrue();
        report.Ok.Should().BeFalse();
        report.Problems.Should().Contain(p => p.Contains("signature the seal key did not make", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_WithTheAnchoredHead_FailsWhenTheChainWasRecomputed_AndHoldsWhenUntouched()
    {
        await using var host = await LedgerAsync(key: null);
        var sealedRun = await host.MustAsync(new SealLedgerCommand(TimeSpan.Zero, MaxTransfersPerBlock: 2));
        var anchor = sealedRun.Head!;
        await host.BuyAsync(await host.RegisterResidentAsync());
        var latest = await host.MustAsync(new SealLedgerCommand(TimeSpan.Zero));

        var untouched = await host.MustAsync(new VerifyLedgerQuery(anchor));
        await RewriteHistoryAsync(host);
        var withoutAnchor = await host.MustAsync(new VerifyLedgerQuery());
        var anchored = await host.MustAsync(new VerifyLedgerQuery(anchor));

        untouched.Ok.Should().BeTrue(because: string.Join("; ", untouched.Problems));
        untouched.Head.Should().Be(latest.Head, "the head verify reports is the one to anchor next").And.NotBe(anchor);
        withoutAnchor.Ok.Should().BeTrue("without a key or an anchor a full recomputation is undetectable, which is why both exist");
        anchored.Ok.Should().BeFalse();
        anchored.Problems.Should().Contain(p => p.Contains("anchored head hash", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not-a-hash")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg")] // 64 characters, one not hex
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde")] // 63 hex digits
    public async Task Verify_WithAMalformedAnchor_IsAValidationError(string anchor)
    {
        await using var host = await LedgerAsync(key: null);

        var result = await host.SendAsync(new VerifyLedgerQuery(anchor));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
        result.Error.Fields.Should().ContainKey("anchor");
    }

    [Fact]
    public async Task SealJob_WithAHeadFile_WritesTheNewestBlockHashToIt()
    {
        var headFile = Path.Combine(Path.GetTempPath(), $"tlc-head-{Guid.NewGuid():N}.txt");
        await using var host = await LedgerTestHost.CreateAsync(s => s.Configure<SealOptions>(o => o.HeadFile = headFile));
        await host.CreateProgramAsync();
        await host.BuyAsync(await host.RegisterResidentAsync());
        try
        {
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await ActivatorUtilities.CreateInstance<SealLedgerJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
            }

            var head = await host.WithDbAsync(db => db.SealBlocks.OrderByDescending(b => b.Number).Select(b => b.Hash).FirstAsync());
            (await File.ReadAllTextAsync(headFile)).Trim().Should().Be(head);
        }
        finally
        {
            File.Delete(headFile);
        }
    }
}
