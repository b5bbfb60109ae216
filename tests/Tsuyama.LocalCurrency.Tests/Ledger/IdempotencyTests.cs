using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

public sealed class IdempotencyTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;
    private Guid _resident;
    private Guid _shop;

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync();
        await _host.CreateProgramAsync();
        _resident = await _host.RegisterResidentAsync();
        _shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(_resident);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private PayCommand Pay(long amount, string key) => new(_resident, _shop, amount, PaymentChannel.StoreQr, IdempotencyScopes.User(_resident), key);

    [Fact]
    public async Task Pay_SameKeySameRequest_ReplaysTheFirstOutcomeWithoutASecondEffect()
    {
        var first = await _host.MustAsync(Pay(1_000, "k1"));

        var second = await _host.MustAsync(Pay(1_000, "k1"));

        second.Should().BeEquivalentTo(first);
        (await _host.BalanceAsync(_shop)).Should().Be(1_000);
        (await _host.WithDbAsync(db => db.Payments.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task Pay_ReusedKeyWithANowInvalidBody_IsAnIdempotencyConflictNotAValidationError()
    {
        await _host.MustAsync(Pay(1_000, "k-invalid"));

        var second = await _host.SendAsync(Pay(-5, "k-invalid"));

        second.Error!.Type.Should().Be(ProblemTypes.IdempotencyConflict);
        second.Error.Status.Should().Be(409);
    }

    [Fact]
    public async Task Pay_SameKeySameBodyThatTheRulesNowRefuse_ReplaysTheFirstOutcomeInsteadOfRevalidating()
    {
        var first = await _host.MustAsync(Pay(2_000, "k-lowered"));
        // The operator lowers Ledger:MaxAmount; the client retries its first, successful request.
        _host.Services.GetRequiredService<IOptions<LedgerOptions>>().Value.MaxAmount = 1_000;

        var second = await _host.SendAsync(Pay(2_000, "k-lowered"));
        var fresh = await _host.SendAsync(Pay(2_000, "k-fresh"));

        second.IsSuccess.Should().BeTrue(because: second.Error?.Detail ?? "");
        second.Value.Should().BeEquivalentTo(first);
        fresh.Error!.Type.Should().Be(ProblemTypes.Validation, "a new key is still validated");
        (await _host.BalanceAsync(_shop)).Should().Be(2_000);
    }

    [Fact]
    public async Task Pay_SameKeyAfterARefusal_ReplaysTheRefusalEvenWhenItWouldNowSucceed()
    {
        var first = await _host.SendAsync(Pay(20_000, "k2"));
        await _host.BuyAsync(_resident);

        var second = await _host.SendAsync(Pay(20_000, "k2"));

        first.Error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
        second.Error.Should().BeEquivalentTo(first.Error);
        (await _host.BalanceAsync(_shop)).Should().Be(0);
        (await _host.WithDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == "k2"))).Should().Be(1);
    }

    [Fact]
    public async Task Pay_SameKeyDifferentRequest_ReturnsIdempotencyConflict()
    {
        await _host.MustAsync(Pay(1_000, "k3"));

        var result = await _host.SendAsync(Pay(2_000, "k3"));

        result.Error!.Type.Should().Be(ProblemTypes.IdempotencyConflict);
        result.Error.Status.Should().Be(409);
        (await _host.BalanceAsync(_shop)).Should().Be(1_000);
    }

    [Fact]
    public async Task Pay_SameKeyFromAnotherCaller_IsADifferentRequest()
    {
        var other = await _host.RegisterResidentAsync();
        await _host.BuyAsync(other);
        await _host.MustAsync(Pay(1_000, "shared"));

        var result = await _host.SendAsync(new PayCommand(other, _shop, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(other), "shared"));

        result.IsSuccess.Should().BeTrue();
        (await _host.BalanceAsync(_shop)).Should().Be(2_000);
    }

    [Fact]
    public async Task Pay_AnEmptyKey_IsNoKey_SoEachRequestTakesEffect()
    {
        await _host.MustAsync(Pay(1_000, ""));
        await _host.MustAsync(Pay(1_000, ""));

        (await _host.BalanceAsync(_shop)).Should().Be(2_000, "an empty Idempotency-Key names no earlier request to replay");
        (await _host.WithDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == ""))).Should().Be(0);
    }

    [Fact]
    public async Task Pay_ConcurrentDuplicatesOfOneKey_TakeEffectOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => _host.SendAsync(Pay(700, "race")))));

        results.Should().OnlyContain(r => r.IsSuccess);
        results.Select(r => r.Value!.PaymentId).Distinct().Should().ContainSingle();
        (await _host.BalanceAsync(_shop)).Should().Be(700);
    }
}
