using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.SetMerchantSuspension;
using Tsuyama.LocalCurrency.Features.PaymentCodes.ChargePaymentCode;
using Tsuyama.LocalCurrency.Features.PaymentCodes.IssuePaymentCode;
using Tsuyama.LocalCurrency.Features.Payments.PayByStoreNumber;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Payments;

/// <summary>
/// Which refusal a payment gets says what the resident can do about it, and no refusal moves a point. The resident
/// holds 6,000 general and 7,000 small-business points.
/// </summary>
public sealed class PaymentRefusalTests : OneShopTests
{
    [Fact]
    public async Task Pay_AtALargeStoreForExactlyAllPointsHeld_IsNotEligibleBecauseOnlyGeneralPointsCount()
    {
        var large = await Host.RegisterMerchantAsync(MerchantSize.Large);

        var result = await Host.SendAsync(Host.Payment(ResidentId, large, 13_000));

        result.Error!.Type.Should().Be(ProblemTypes.MerchantNotEligible, "buying more would not help; a small shop would take the payment");
        await NothingMovedAsync(large);
    }

    [Fact]
    public async Task Pay_AtALargeStoreForMoreThanAllPointsHeld_IsInsufficientBalance()
    {
        var large = await Host.RegisterMerchantAsync(MerchantSize.Large);

        var result = await Host.SendAsync(Host.Payment(ResidentId, large, 13_001));

        result.Error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
        await NothingMovedAsync(large);
    }

    [Fact]
    public async Task Pay_AtASuspendedShop_IsRefusedAndNothingMoves()
    {
        await Host.MustAsync(new SetMerchantSuspensionCommand(ShopId, Suspended: true));

        var result = await Host.SendAsync(Host.Payment(ResidentId, ShopId, 500));

        result.Error!.Type.Should().Be(ProblemTypes.MerchantSuspended);
        await NothingMovedAsync(ShopId);
    }

    [Fact]
    public async Task Pay_WithinOneKindAndExpiry_DrawsTheOlderLotFirst()
    {
        Host.Clock.Advance(TimeSpan.FromHours(1));
        await Host.BuyAsync(ResidentId);

        await Host.PayAsync(ResidentId, ShopId, 7_500);

        var smallBusinessLots = await Host.WithDbAsync(db => db.Lots.Where(l => l.ResidentId == ResidentId && l.Kind == PointKind.SmallBusiness)
            .OrderBy(l => l.CreatedAt).Select(l => l.Remaining).ToListAsync());
        smallBusinessLots.Should().Equal([0, 6_500], "the first purchase's lot is spent before the second's");
    }

    [Theory]
    [InlineData(" ", 500, "code")]
    [InlineData("123456", 0, "amount")]
    public async Task ChargePaymentCode_WithABlankCodeOrAZeroAmount_IsAValidationProblem(string code, long amount, string field)
    {
        await Host.MustAsync(new IssuePaymentCodeCommand(ResidentId));

        var result = await Host.SendAsync(new ChargePaymentCodeCommand(ShopId, code, amount, $"merchant:{ShopId}", Host.NextKey()));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
        result.Error.Fields!.Keys.Should().Contain(field);
        await NothingMovedAsync(ShopId);
    }

    [Fact]
    public async Task PayByStoreNumber_WithAZeroAmount_IsAValidationProblem()
    {
        var number = await Host.StoreNumberAsync(ShopId);

        var result = await Host.SendAsync(new PayByStoreNumberCommand(ResidentId, number, 0, IdempotencyScopes.User(ResidentId), Host.NextKey()));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
        result.Error.Fields!.Keys.Should().Contain("amount");
    }

    [Fact]
    public async Task PayByStoreNumber_OfNoShop_IsNotFoundAndNothingMoves()
    {
        var ours = await Host.StoreNumberAsync(ShopId);
        var nobodys = Enumerable.Range(0, 10).Select(_ => StoreNumber.Generate()).First(n => n != ours);

        var result = await Host.SendAsync(new PayByStoreNumberCommand(ResidentId, nobodys, 500, IdempotencyScopes.User(ResidentId), Host.NextKey()));

        result.Error!.Type.Should().Be(ProblemTypes.NotFound);
        await NothingMovedAsync(ShopId);
    }

    private async Task NothingMovedAsync(Guid shop)
    {
        (await Host.BalanceAsync(ResidentId)).Should().Be(13_000);
        (await Host.BalanceAsync(shop)).Should().Be(0);
        (await Host.WithDbAsync(db => db.Payments.CountAsync())).Should().Be(0);
    }
}
