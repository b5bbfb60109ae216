using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Features.Integrity.Seal;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

public sealed class SealingTests : IAsyncLifetime
{
    private static readonly TimeSpan Lag = TimeSpan.FromSeconds(30);

    private LedgerTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync();
        await _host.CreateProgramAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Seal_WhenALowerSequenceCarriesANewerTime_SealsOnlyTheGapFreePrefixAndLaterTheRest()
    {
        var resident = await _host.RegisterResidentAsync();
        await _host.BuyAsync(resident);
        await _host.BuyAsync(resident);
        // Sequence 3 was written by a host whose clock runs ten minutes ahead: its CreatedAt is newer than sequence 4's.
        var ahead = _host.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        await _host.WithDbAsync(db => db.Transfers.Where(t => t.Sequence == 3).ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedAt, ahead)));
        _host.Clock.Advance(TimeSpan.FromMinutes(1));

        var first = await _host.MustAsync(new SealLedgerCommand(Lag));
        var afterFirst = await _host.MustAsync(new VerifyLedgerQuery());
        _host.Clock.Advance(TimeSpan.FromMinutes(20));
        var second = await _host.MustAsync(new SealLedgerCommand(Lag));
        var afterSecond = await _host.MustAsync(new VerifyLedgerQuery());

        first.TransfersSealed.Should().Be(2, "only sequences 1–2 precede the first one still inside the lag");
        afterFirst.Ok.Should().BeTrue(because: string.Join("; ", afterFirst.Problems));
        second.TransfersSealed.Should().Be(2);
        afterSecond.Ok.Should().BeTrue(because: string.Join("; ", afterSecond.Problems));
        afterSecond.SealedTransfers.Should().Be(afterSecond.Transfers).And.Be(4);
    }
}
