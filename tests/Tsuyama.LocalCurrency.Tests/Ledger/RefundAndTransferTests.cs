using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

public sealed class RefundAndTransferTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;
    private Guid _resident;
    private Guid _shop;

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync();
        await _host.CreateProgramAsync(expiresOn: _host.Today.AddDays(90), transferFeeBps: 50);
        _resident = await _host.RegisterResidentAsync();
        _shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(_resident);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<PaymentMade> PayAsync(long amount) =>
        _host.MustAsync(new PayCommand(_resident, _shop, amount, PaymentChannel.StoreQr, IdempotencyScopes.User(_resident), _host.NextKey()));

    private RefundPaymentCommand Refund(Guid merchant, Guid payment, long amount) => _host.Refund(merchant, payment, amount);

    [Fact]
    public async Task Refund_Partial_ReturnsPointsAsLotsWithTheOriginalExpiry()
    {
        var payment = await PayAsync(8_000);

        var refund = await _host.MustAsync(Refund(_shop, payment.PaymentId, 3_000));

        refund.Amount.Should().Be(3_000);
        var lots = await _host.WithDbAsync(db => db.Lots.Where(l => l.Source == LotSource.Refund).ToListAsync());
        lots.Should().OnlyContain(l => l.ExpiresOn == _host.Today.AddDays(90) && l.ResidentId == _resident);
        lots.Sum(l => l.Remaining).Should().Be(3_000);
        // Last drawn first: the 1,000 general points, then 2,000 of the smallBusiness ones.
        lots.Should().Contain(l => l.Kind == PointKind.General && l.Remaining == 1_000);
        (await _host.BalanceAsync(_resident)).Should().Be(13_000 - 8_000 + 3_000);
        (await _host.BalanceAsync(_shop)).Should().Be(5_000);
    }

    [Fact]
    public async Task Refund_AboveWhatRemainsOfThePayment_ReturnsRefundExceedsPaymentAndChangesNothing()
    {
        var payment = await PayAsync(5_000);
        await _host.MustAsync(Refund(_shop, payment.PaymentId, 4_000));

        var result = await _host.SendAsync(Refund(_shop, payment.PaymentId, 1_001));

        result.Error!.Type.Should().Be(ProblemTypes.RefundExceedsPayment);
        result.Error.Detail.Should().Be("Only 1000 points of this payment can still be refunded.");
        (await _host.BalanceAsync(_shop)).Should().Be(1_000);
        (await _host.WithDbAsync(db => db.Payments.Select(p => p.RefundedAmount).SingleAsync())).Should().Be(4_000);
        (await _host.SendAsync(Refund(_shop, payment.PaymentId, 1_000))).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task Refund_InTwoParts_EmptiesTheLastDrawnAllocationThenTakesFromTheOneBefore()
    {
        // 7,000 smallBusiness (allocation 0) then 3,000 general (allocation 1).
        var payment = await PayAsync(10_000);

        await _host.MustAsync(Refund(_shop, payment.PaymentId, 3_000));
        await _host.MustAsync(Refund(_shop, payment.PaymentId, 2_000));

        var allocations = await _host.WithDbAsync(db => db.PaymentAllocations.OrderBy(a => a.Index)
            .Select(a => new { a.Kind, a.Amount, a.Refunded }).ToListAsync());
        allocations.Should().Equal(
            new { Kind = PointKind.SmallBusiness, Amount = 7_000L, Refunded = 2_000L },
            new { Kind = PointKind.General, Amount = 3_000L, Refunded = 3_000L });
        var lots = await _host.WithDbAsync(db => db.Lots.Where(l => l.Source == LotSource.Refund).OrderBy(l => l.CreatedAt).ThenBy(l => l.Kind)
            .Select(l => new { l.Kind, l.Remaining }).ToListAsync());
        lots.Should().BeEquivalentTo([new { Kind = PointKind.General, Remaining = 3_000L }, new { Kind = PointKind.SmallBusiness, Remaining = 2_000L }]);
        (await _host.BalanceAsync(_resident, PointKind.General)).Should().Be(3_000 + 3_000);
        (await _host.BalanceAsync(_resident, PointKind.SmallBusiness)).Should().Be(2_000);
        (await _host.BalanceAsync(_shop)).Should().Be(5_000);
    }

    [Fact]
    public async Task Refund_ByAnotherMerchant_ReturnsForbidden()
    {
        var payment = await PayAsync(1_000);
        var other = await _host.RegisterMerchantAsync();

        var result = await _host.SendAsync(Refund(other, payment.PaymentId, 500));

        result.Error!.Status.Should().Be(403);
    }

    [Fact]
    public async Task Refund_AfterTheMerchantSpentThePoints_ReturnsInsufficientBalanceAndChangesNothing()
    {
        var payment = await PayAsync(2_000);
        var supplier = await _host.RegisterMerchantAsync();
        await _host.MustAsync(new TransferToMerchantCommand(_shop, supplier, 2_000, IdempotencyScopes.Merchant(_shop), _host.NextKey()));

        var result = await _host.SendAsync(Refund(_shop, payment.PaymentId, 1_000));

        result.Error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
        (await _host.WithDbAsync(db => db.Payments.Select(p => p.RefundedAmount).SingleAsync())).Should().Be(0);
        (await _host.BalanceAsync(_resident)).Should().Be(11_000);
    }

    [Fact]
    public async Task MerchantTransfer_ChargesTheProgramFeeOnTheWholeRoundedUpAndReturnsItToTheIssuer()
    {
        await PayAsync(10_000);
        var supplier = await _host.RegisterMerchantAsync();

        var made = await _host.MustAsync(new TransferToMerchantCommand(_shop, supplier, 9_999, IdempotencyScopes.Merchant(_shop), _host.NextKey()));

        // 9,999 at 0.5 % = 49.995 → 50, charged 35 to the 7,000 smallBusiness points and 15 to the 2,999 general.
        made.Fee.Should().Be(50);
        (await _host.BalanceAsync(supplier)).Should().Be(9_999 - 50);
        (await _host.BalanceAsync(_shop)).Should().Be(1);
    }

    [Fact]
    public async Task MerchantTransfer_ToAShopThatDoesNotExist_ReturnsNotFoundAndMovesNothing()
    {
        await PayAsync(2_000);
        await _host.RegisterMerchantAsync(); // other shops exist: the receiver is looked up by its own id
        var unknown = Guid.NewGuid();

        var result = await _host.SendAsync(new TransferToMerchantCommand(_shop, unknown, 500, IdempotencyScopes.Merchant(_shop), _host.NextKey()));

        result.Error!.Status.Should().Be(404);
        result.Error.Detail.Should().Contain(unknown.ToString());
        (await _host.BalanceAsync(_shop)).Should().Be(2_000);
        (await _host.WithDbAsync(db => db.Transfers.CountAsync(t => t.Type == TransferType.MerchantTransfer))).Should().Be(0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-500)]
    [InlineData(1_000_001)] // one over LedgerOptions.MaxAmount
    public async Task MerchantTransfer_OfAnAmountOutsideTheLimits_IsAValidationErrorAndMovesNothing(long amount)
    {
        await PayAsync(2_000);
        var supplier = await _host.RegisterMerchantAsync();

        var result = await _host.SendAsync(new TransferToMerchantCommand(_shop, supplier, amount, IdempotencyScopes.Merchant(_shop), _host.NextKey()));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
        result.Error.Fields.Should().ContainKey("amount");
        (await _host.BalanceAsync(_shop)).Should().Be(2_000);
        (await _host.BalanceAsync(supplier)).Should().Be(0);
    }

    [Fact]
    public async Task MerchantTransfer_ToTheSameShop_IsAValidationErrorAndMovesNothing()
    {
        await PayAsync(2_000);

        var result = await _host.SendAsync(new TransferToMerchantCommand(_shop, _shop, 500, IdempotencyScopes.Merchant(_shop), _host.NextKey()));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
        result.Error.Fields.Should().ContainKey("toMerchantId");
        (await _host.BalanceAsync(_shop)).Should().Be(2_000);
        (await _host.WithDbAsync(db => db.Transfers.CountAsync(t => t.Type == TransferType.MerchantTransfer))).Should().Be(0);
    }

    [Fact]
    public async Task MerchantTransfer_FromAProgramWithoutAFee_SendsTheWholeAmountAndWritesNoFeeTransfer()
    {
        await _host.CreateProgramAsync("FREE", transferFeeBps: 0);
        var resident = await _host.RegisterResidentAsync();
        await _host.BuyAsync(resident, "FREE");
        await _host.MustAsync(new PayCommand(resident, _shop, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), _host.NextKey()));
        var supplier = await _host.RegisterMerchantAsync();

        var made = await _host.MustAsync(new TransferToMerchantCommand(_shop, supplier, 1_000, IdempotencyScopes.Merchant(_shop), _host.NextKey()));

        made.Fee.Should().Be(0);
        (await _host.BalanceAsync(supplier)).Should().Be(1_000);
        (await _host.WithDbAsync(db => db.Transfers.CountAsync(t => t.Type == TransferType.MerchantTransferFee))).Should().Be(0);
    }

    [Fact]
    public async Task Refund_OfAPaymentDrawnFromTwoPrograms_IsBoundByTheShorterRefundWindow()
    {
        // P1 (from set-up) refunds for 30 days; SHORT, spent first because it expires first, for 7.
        await _host.CreateProgramAsync("SHORT", expiresOn: _host.Today.AddDays(60));
        await _host.WithDbAsync(db => db.Programs.Where(p => p.Code == "P1").ExecuteUpdateAsync(s => s.SetProperty(p => p.RefundWindowDays, (int?)30)));
        await _host.WithDbAsync(db => db.Programs.Where(p => p.Code == "SHORT").ExecuteUpdateAsync(s => s.SetProperty(p => p.RefundWindowDays, (int?)7)));
        await _host.BuyAsync(_resident, "SHORT");
        var payment = await PayAsync(20_000);
        (await _host.WithDbAsync(db => db.PaymentAllocations.Select(a => a.ProgramId).Distinct().CountAsync())).Should().Be(2);
        _host.Clock.Advance(TimeSpan.FromDays(10));

        var result = await _host.SendAsync(Refund(_shop, payment.PaymentId, 100));

        result.Error!.Type.Should().Be(ProblemTypes.RefundWindowClosed);
        result.Error.Detail.Should().Contain("'SHORT'").And.Contain("7 day(s)");
        (await _host.BalanceAsync(_shop)).Should().Be(20_000);
    }

    [Fact]
    public async Task MerchantTransfer_FromAProgramThatForbidsIt_ReturnsMerchantTransfersNotAllowed()
    {
        await _host.CreateProgramAsync("CLOSED", allowTransfers: false);
        var resident = await _host.RegisterResidentAsync();
        await _host.BuyAsync(resident, "CLOSED");
        await _host.MustAsync(new PayCommand(resident, _shop, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), _host.NextKey()));
        var supplier = await _host.RegisterMerchantAsync();

        var result = await _host.SendAsync(new TransferToMerchantCommand(_shop, supplier, 500, IdempotencyScopes.Merchant(_shop), _host.NextKey()));

        result.Error!.Type.Should().Be(ProblemTypes.TransfersNotAllowed);
        (await _host.BalanceAsync(supplier)).Should().Be(0);
    }
}
