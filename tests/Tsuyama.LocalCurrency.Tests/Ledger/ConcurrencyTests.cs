using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

public sealed class ConcurrencyTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Pay_FortyParallelPaymentsFromOneWallet_NeverOverspend()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterResidentAsync();
        var shops = new[] { await _host.RegisterMerchantAsync(), await _host.RegisterMerchantAsync() };
        await _host.BuyAsync(resident);

        using var start = new ManualResetEventSlim();
        var payments = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await _host.SendAsync(new PayCommand(resident, shops[i % 2], 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), $"p{i}"));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(payments);

        results.Count(r => r.IsSuccess).Should().Be(13);
        results.Where(r => !r.IsSuccess).Should().OnlyContain(r => r.Error!.Type == ProblemTypes.InsufficientBalance).And.HaveCount(27);
        (await _host.BalanceAsync(resident)).Should().Be(0);
        (await _host.BalanceAsync(shops[0]) + await _host.BalanceAsync(shops[1])).Should().Be(13_000);
        (await _host.MustAsync(new VerifyLedgerQuery())).Problems.Should().BeEmpty();
    }
}
