using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Tests.Support;
using static Tsuyama.LocalCurrency.Tests.Settlements.SettlementTestData;

namespace Tsuyama.LocalCurrency.Tests.Settlements;

public sealed class InterruptedSettlementTests : IAsyncLifetime
{
    private readonly FailingCommandInterceptor _failure = new();
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await LedgerTestHost.CreateAsync(s => s.ConfigureDbContext<LedgerDbContext>(o => o.AddInterceptors(_failure)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(1, null)]
    [InlineData(4, null)]
    [InlineData(1, "INSERT INTO \"Transfers\"")]
    [InlineData(1, "INSERT INTO \"Settlements\"")]
    public async Task Settle_InterruptedMidway_LeavesNothingHalfDone_AndARerunPaysEveryone(int nthWrite, string? onCommand)
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterResidentAsync();
        var shops = new List<Guid>();
        await _host.BuyAsync(resident, units: 2);
        for (var i = 0; i < 3; i++)
        {
            shops.Add(await _host.RegisterMerchantAsync());
            await _host.PayAsync(resident, shops[^1], 7_000 - (i * 2_000)); // 7,000 smallBusiness, then general points
        }

        _host.SetJst(Day1.AddDays(1), 10);
        var before = await _host.LedgerFingerprintAsync();
        _failure.FailOnWrite(nthWrite, onCommand is null ? null : text => text.StartsWith(onCommand, StringComparison.Ordinal));

        var crash = async () => await _host.SendAsync(Settle(Day1));

        // EF wraps a failure during SaveChanges in a DbUpdateException; either way it is ours.
        (await crash.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("Injected failure");
        (await _host.LedgerFingerprintAsync()).Should().Be(before, "the whole settlement is one transaction");

        _failure.Disarm();
        var done = await _host.MustAsync(Settle(Day1));

        done.Points.Should().Be(15_000);
        done.MerchantCount.Should().Be(3);
        foreach (var shop in shops)
        {
            (await _host.BalanceAsync(shop)).Should().Be(0);
        }

        (await _host.WithDbAsync(db => db.Settlements.CountAsync())).Should().Be(1);
        (await _host.MustAsync(new VerifyLedgerQuery())).Problems.Should().BeEmpty();
    }
}
