using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

public sealed class LostRaceTests
{
    /// <summary>Another host spends the lot between the read and the guarded update, every time: the update affects no row.</summary>
    private sealed class AlwaysLosesLotRace : DbCommandInterceptor
    {
        public bool Armed { get; set; }

        public int Lost { get; private set; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.StartsWith("UPDATE \"Lots\" SET \"Remaining\"", StringComparison.Ordinal))
            {
                Lost++;
                return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(0));
            }

            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task Pay_WhenTheGuardedUpdateLosesTheRaceThreeTimes_IsARetryable503AndNothingMoves()
    {
        var race = new AlwaysLosesLotRace();
        await using var host = await LedgerTestHost.CreateAsync(s => s.ConfigureDbContext<LedgerDbContext>(o => o.AddInterceptors(race)));
        await host.CreateProgramAsync();
        var resident = await host.RegisterResidentAsync();
        var shop = await host.RegisterMerchantAsync();
        await host.BuyAsync(resident);
        race.Armed = true;

        var result = await host.SendAsync(new PayCommand(resident, shop, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), host.NextKey()));

        race.Lost.Should().Be(3);
        result.IsSuccess.Should().BeFalse();
        result.Error!.Status.Should().Be(503);
        result.Error.Type.Should().Be("busy");
        (await host.BalanceAsync(shop)).Should().Be(0);
        (await host.WithDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.RequestName == nameof(PayCommand))))
            .Should().Be(0, "a retry with the same key must run again");
    }
}
