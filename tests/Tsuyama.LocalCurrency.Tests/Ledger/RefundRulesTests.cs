using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

public sealed class RefundRulesTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;
    private Guid _resident;
    private Guid _shop;

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync();
        _resident = await _host.RegisterResidentAsync();
        _shop = await _host.RegisterMerchantAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<PaymentMade> BuyAndPayAsync(long amount)
    {
        await _host.BuyAsync(_resident);
        return await _host.MustAsync(new PayCommand(_resident, _shop, amount, PaymentChannel.StoreQr, IdempotencyScopes.User(_resident), _host.NextKey()));
    }

    private Task<Result<RefundMade>> RefundAsync(Guid payment, long amount) =>
        _host.SendAsync(new RefundPaymentCommand(_shop, payment, amount, IdempotencyScopes.Merchant(_shop), _host.NextKey()));

    private void AdvanceDays(int days) => _host.Clock.Advance(TimeSpan.FromDays(days));

    private Task<string> LedgerStateAsync() => _host.WithDbAsync(async db =>
        $"{await db.Transfers.CountAsync()}|{await db.Lots.CountAsync()}|{await db.Refunds.CountAsync()}|{await db.Payments.SumAsync(p => p.RefundedAmount)}");

    [Fact]
    public async Task Refund_AfterThePointsLastDay_IsRefusedAsExpiredAndNothingMoves()
    {
        await _host.CreateProgramAsync(expiresOn: _host.Today.AddDays(30));
        var payment = await BuyAndPayAsync(3_000);
        AdvanceDays(31);
        var before = await LedgerStateAsync();

        var result = await RefundAsync(payment.PaymentId, 1_000);

        result.Error!.Type.Should().Be(ProblemTypes.Expired);
        result.Error.Status.Should().Be(422);
        result.Error.Detail.Should().Contain("cash");
        (await LedgerStateAsync()).Should().Be(before);
        (await _host.BalanceAsync(_shop)).Should().Be(3_000, "the shop keeps the points it would otherwise destroy");
    }

    [Fact]
    public async Task Refund_OnThePointsLastDay_StillReturnsThemWithTheirExpiry()
    {
        await _host.CreateProgramAsync(expiresOn: _host.Today.AddDays(30));
        var payment = await BuyAndPayAsync(3_000);
        AdvanceDays(30);

        var result = await RefundAsync(payment.PaymentId, 1_000);

        result.IsSuccess.Should().BeTrue(because: result.Error?.Detail ?? "");
        (await _host.WithDbAsync(db => db.Lots.Where(l => l.Source == LotSource.Refund).Select(l => l.ExpiresOn).SingleAsync()))
            .Should().Be(_host.Today);
    }

    private Task<ProgramCreated> CreateProgramAsync(int expiresInDays, int? refundWindowDays, int refundGraceDays) =>
        _host.MustAsync(new CreateProgramCommand("P1", "Program P1", 10_000, new PointsPerUnit(6_000, 7_000), 1_000, 10,
            _host.Today.AddDays(-10), _host.Today, _host.Today.AddDays(expiresInDays), 150, true, 50, refundWindowDays, refundGraceDays));

    [Fact]
    public async Task Refund_AfterThePointsLastDayWithAGracePeriod_ReturnsPointsSpendableForTheGraceDays()
    {
        await CreateProgramAsync(expiresInDays: 30, refundWindowDays: null, refundGraceDays: 14);
        var payment = await BuyAndPayAsync(3_000);
        AdvanceDays(40);

        var result = await RefundAsync(payment.PaymentId, 1_000);

        result.IsSuccess.Should().BeTrue(because: result.Error?.Detail ?? "");
        (await _host.WithDbAsync(db => db.Lots.Where(l => l.Source == LotSource.Refund).Select(l => l.ExpiresOn).SingleAsync()))
            .Should().Be(_host.Today.AddDays(14));
        (await _host.BalanceAsync(_resident)).Should().Be(13_000 - 3_000 + 1_000);
    }

    [Fact]
    public async Task Refund_AfterTheProgramsRefundWindow_IsRefusedAndWithinItSucceeds()
    {
        await CreateProgramAsync(expiresInDays: 180, refundWindowDays: 7, refundGraceDays: 0);
        var payment = await BuyAndPayAsync(3_000);
        AdvanceDays(7);
        var lastDay = await RefundAsync(payment.PaymentId, 1_000);
        AdvanceDays(1);
        var before = await LedgerStateAsync();

        var late = await RefundAsync(payment.PaymentId, 1_000);

        lastDay.IsSuccess.Should().BeTrue(because: lastDay.Error?.Detail ?? "");
        late.Error!.Type.Should().Be(ProblemTypes.RefundWindowClosed);
        late.Error.Status.Should().Be(422);
        (await LedgerStateAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(367, 0)]
    [InlineData(null, -1)]
    [InlineData(null, 367)]
    public async Task CreateProgram_WithARefundRuleOutOfRange_IsAValidationError(int? window, int grace)
    {
        var result = await _host.SendAsync(new CreateProgramCommand("P1", "Program P1", 10_000, new PointsPerUnit(6_000, 7_000), 1_000, 10,
            _host.Today, _host.Today, _host.Today.AddDays(30), 150, true, 50, window, grace));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
    }
}
