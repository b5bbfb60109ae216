using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

public sealed class IdempotencyTests : OneShopTests
{
    private PayCommand Pay(long amount, string key) => new(ResidentId, ShopId, amount, PaymentChannel.StoreQr, IdempotencyScopes.User(ResidentId), key);

    [Fact]
    public async Task Pay_SameKeySameRequest_ReplaysTheFirstOutcomeWithoutASecondEffect()
    {
        var first = await Host.MustAsync(Pay(1_000, "k1"));

        var second = await Host.MustAsync(Pay(1_000, "k1"));

        second.Should().BeEquivalentTo(first);
        (await Host.BalanceAsync(ShopId)).Should().Be(1_000);
        (await Host.WithDbAsync(db => db.Payments.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task Pay_ReusedKeyWithANowInvalidBody_IsAnIdempotencyConflictNotAValidationError()
    {
        await Host.MustAsync(Pay(1_000, "k-invalid"));

        var second = await Host.SendAsync(Pay(-5, "k-invalid"));

        second.Error!.Type.Should().Be(ProblemTypes.IdempotencyConflict);
        second.Error.Status.Should().Be(409);
    }

    [Fact]
    public async Task Pay_SameKeySameBodyThatTheRulesNowRefuse_ReplaysTheFirstOutcomeInsteadOfRevalidating()
    {
        var first = await Host.MustAsync(Pay(2_000, "k-lowered"));
        // The operator lowers Ledger:MaxAmount; the client retries its first, successful request.
        Host.Services.GetRequiredService<IOptions<LedgerOptions>>().Value.MaxAmount = 1_000;

        var second = await Host.SendAsync(Pay(2_000, "k-lowered"));
        var fresh = await Host.SendAsync(Pay(2_000, "k-fresh"));

        second.IsSuccess.Should().BeTrue(because: second.Error?.Detail ?? "");
        second.Value.Should().BeEquivalentTo(first);
        fresh.Error!.Type.Should().Be(ProblemTypes.Validation, "a new key is still validated");
        (await Host.BalanceAsync(ShopId)).Should().Be(2_000);
    }

    [Fact]
    public async Task Pay_SameKeyAfterARefusal_ReplaysTheRefusalEvenWhenItWouldNowSucceed()
    {
        var first = await Host.SendAsync(Pay(20_000, "k2"));
        await Host.BuyAsync(ResidentId);

        var second = await Host.SendAsync(Pay(20_000, "k2"));

        first.Error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
        second.Error.Should().BeEquivalentTo(first.Error);
        (await Host.BalanceAsync(ShopId)).Should().Be(0);
        (await Host.WithDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == "k2"))).Should().Be(1);
    }

    [Fact]
    public async Task Pay_SameKeyDifferentRequest_ReturnsIdempotencyConflict()
    {
        await Host.MustAsync(Pay(1_000, "k3"));

        var result = await Host.SendAsync(Pay(2_000, "k3"));

        result.Error!.Type.Should().Be(ProblemTypes.IdempotencyConflict);
        result.Error.Status.Should().Be(409);
        (await Host.BalanceAsync(ShopId)).Should().Be(1_000);
    }

    [Fact]
    public async Task Pay_SameKeyFromAnotherCaller_IsADifferentRequest()
    {
        var other = await Host.RegisterResidentAsync();
        await Host.BuyAsync(other);
        await Host.MustAsync(Pay(1_000, "shared"));

        var result = await Host.SendAsync(new PayCommand(other, ShopId, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(other), "shared"));

        result.IsSuccess.Should().BeTrue();
        (await Host.BalanceAsync(ShopId)).Should().Be(2_000);
    }

    [Fact]
    public async Task Pay_AnEmptyKey_IsNoKey_SoEachRequestTakesEffect()
    {
        await Host.MustAsync(Pay(1_000, ""));
        await Host.MustAsync(Pay(1_000, ""));

        (await Host.BalanceAsync(ShopId)).Should().Be(2_000, "an empty Idempotency-Key names no earlier request to replay");
        (await Host.WithDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == ""))).Should().Be(0);
    }

    [Fact]
    public async Task Pay_ConcurrentDuplicatesOfOneKey_TakeEffectOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Host.SendAsync(Pay(700, "race")))));

        results.Should().OnlyContain(r => r.IsSuccess);
        results.Select(r => r.Value!.PaymentId).Distinct().Should().ContainSingle();
        (await Host.BalanceAsync(ShopId)).Should().Be(700);
    }
}
