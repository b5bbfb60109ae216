using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Wallets.GetWallet;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

public sealed class PayTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private PayCommand Pay(Guid resident, Guid merchant, long amount, string? key = null) =>
        new(resident, merchant, amount, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), key ?? _host.NextKey());

    [Fact]
    public async Task Pay_AtSmallMerchant_SpendsSmallBusinessPointsFirst()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterResidentAsync();
        var shop = await _host.RegisterMerchantAsync(MerchantSize.Small);
        await _host.BuyAsync(resident);

        var paid = await _host.MustAsync(Pay(resident, shop, 8_000));

        paid.Breakdown.Should().BeEquivalentTo(new[]
        {
            new PaymentPart("P1", PointKind.SmallBusiness, 7_000),
            new PaymentPart("P1", PointKind.General, 1_000),
        }, o => o.WithStrictOrdering());
        (await _host.BalanceAsync(resident, PointKind.SmallBusiness)).Should().Be(0);
        (await _host.BalanceAsync(resident, PointKind.General)).Should().Be(5_000);
        (await _host.BalanceAsync(shop)).Should().Be(8_000);
    }

    [Fact]
    public async Task Pay_WithinAKind_SpendsEarliestExpiryFirst()
    {
        await _host.CreateProgramAsync("LATE", general: 1_000, smallBusiness: 0, expiresOn: _host.Today.AddDays(200));
        await _host.CreateProgramAsync("SOON", general: 1_000, smallBusiness: 0, expiresOn: _host.Today.AddDays(20), salesUntil: _host.Today.AddDays(10));
        var resident = await _host.RegisterResidentAsync();
        var shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(resident, "LATE");
        await _host.BuyAsync(resident, "SOON");

        var paid = await _host.MustAsync(Pay(resident, shop, 1_500));

        paid.Breakdown.Should().BeEquivalentTo(new[]
        {
            new PaymentPart("SOON", PointKind.General, 1_000),
            new PaymentPart("LATE", PointKind.General, 500),
        }, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Pay_AtLargeMerchant_SpendsGeneralPointsOnly()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterResidentAsync();
        var store = await _host.RegisterMerchantAsync(MerchantSize.Large);
        await _host.BuyAsync(resident);

        var paid = await _host.MustAsync(Pay(resident, store, 6_000));

        paid.Breakdown.Should().ContainSingle().Which.Should().Be(new PaymentPart("P1", PointKind.General, 6_000));
        (await _host.BalanceAsync(resident, PointKind.SmallBusiness)).Should().Be(7_000);
    }

    [Fact]
    public async Task Pay_AtLargeMerchant_WhenOnlySmallBusinessPointsWouldCoverIt_ReturnsMerchantNotEligible()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterResidentAsync();
        var store = await _host.RegisterMerchantAsync(MerchantSize.Large);
        await _host.BuyAsync(resident);

        var result = await _host.SendAsync(Pay(resident, store, 6_001));

        result.Error!.Type.Should().Be(ProblemTypes.MerchantNotEligible);
        result.Error.Status.Should().Be(422);
        (await _host.BalanceAsync(resident)).Should().Be(13_000);
        (await _host.BalanceAsync(store)).Should().Be(0);
    }

    [Fact]
    public async Task Pay_WhenBalanceTooLow_ReturnsInsufficientBalanceAndChangesNothing()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterResidentAsync();
        var shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(resident);
        var transfersBefore = await _host.TransferCountAsync();

        var result = await _host.SendAsync(Pay(resident, shop, 13_001));

        result.Error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
        (await _host.BalanceAsync(resident)).Should().Be(13_000);
        (await _host.TransferCountAsync()).Should().Be(transfersBefore);
        (await _host.WithDbAsync(db => db.Lots.SumAsync(l => l.Remaining))).Should().Be(13_000);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1_000_001)]
    public async Task Pay_WithAmountOutOfRange_ReturnsValidationError(long amount)
    {
        var result = await _host.SendAsync(Pay(Guid.NewGuid(), Guid.NewGuid(), amount));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
        result.Error.Fields.Should().ContainKey("amount");
    }

    [Fact]
    public async Task Pay_ToUnknownMerchant_ReturnsNotFound()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterResidentAsync();
        await _host.BuyAsync(resident);

        var result = await _host.SendAsync(Pay(resident, Guid.NewGuid(), 100));

        result.Error!.Status.Should().Be(404);
    }

    [Fact]
    public async Task Pay_OnTheExpiryDayAt235959Jst_Succeeds()
    {
        var expiresOn = _host.Today.AddDays(3);
        await _host.CreateProgramAsync(expiresOn: expiresOn, salesUntil: expiresOn);
        var resident = await _host.RegisterResidentAsync();
        var shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(resident);

        _host.Clock.SetUtcNow(new DateTimeOffset(expiresOn.ToDateTime(new TimeOnly(23, 59, 59)), JapanTime.Offset));
        var result = await _host.SendAsync(Pay(resident, shop, 100));

        result.IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task Pay_AtMidnightJstAfterTheExpiryDay_ReturnsInsufficientBalance()
    {
        var expiresOn = _host.Today.AddDays(3);
        await _host.CreateProgramAsync(expiresOn: expiresOn, salesUntil: expiresOn);
        var resident = await _host.RegisterResidentAsync();
        var shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(resident);

        _host.Clock.SetUtcNow(new DateTimeOffset(expiresOn.AddDays(1).ToDateTime(TimeOnly.MinValue), JapanTime.Offset));
        var result = await _host.SendAsync(Pay(resident, shop, 100));
        var wallet = await _host.MustAsync(new GetWalletQuery(resident));

        result.Error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
        wallet.Total.Should().Be(0);
    }
}
