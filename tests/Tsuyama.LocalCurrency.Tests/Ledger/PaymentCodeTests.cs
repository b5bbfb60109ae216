using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.PaymentCodes.ChargePaymentCode;
using Tsuyama.LocalCurrency.Features.PaymentCodes.IssuePaymentCode;
using Tsuyama.LocalCurrency.Qr;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

/// <summary>A resident's presented code (マイコード): charged once, by one shop, within its lifetime (3 minutes by default).</summary>
public sealed class PaymentCodeTests : OneShopTests
{
    private Task<Result<Features.Payments.Pay.PaymentMade>> ChargeAsync(string code, long amount) =>
        Host.SendAsync(new ChargePaymentCodeCommand(ShopId, code, amount, $"merchant:{ShopId}", Host.NextKey()));

    [Fact]
    public async Task Issue_ExpiresOneLifetimeAfterIssue()
    {
        var issued = await Host.MustAsync(new IssuePaymentCodeCommand(ResidentId));

        issued.ExpiresAt.Should().Be(LedgerTestHost.Start + TimeSpan.FromMinutes(3));
        issued.Payload.Should().Be(issued.Code);
    }

    [Fact]
    public async Task Issue_ForAnUnknownResident_IsNotFound()
    {
        var result = await Host.SendAsync(new IssuePaymentCodeCommand(Guid.NewGuid()));

        result.Error!.Type.Should().Be(ProblemTypes.NotFound);
    }

    [Fact]
    public async Task Charge_AFreshCode_PaysTheShop_AndASecondChargeIsRefusedAsUsed()
    {
        var issued = await Host.MustAsync(new IssuePaymentCodeCommand(ResidentId));

        var first = await ChargeAsync(issued.Code, 700);
        var second = await ChargeAsync(issued.Code, 700);

        first.IsSuccess.Should().BeTrue();
        second.Error!.Type.Should().Be(ProblemTypes.Expired);
        second.Error.Detail.Should().Contain("already been used");
        (await Host.BalanceAsync(ShopId)).Should().Be(700, "a presented code pays once");
        (await Host.BalanceAsync(ResidentId)).Should().Be(13_000 - 700);
    }

    [Fact]
    public async Task Charge_OneSecondBeforeTheLifetimeEnds_Pays()
    {
        var issued = await Host.MustAsync(new IssuePaymentCodeCommand(ResidentId));
        Host.Clock.Advance(TimeSpan.FromMinutes(3) - TimeSpan.FromSeconds(1));

        (await ChargeAsync(issued.Code, 700)).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task Charge_WhenTheLifetimeHasEnded_IsRefusedAsExpiredAndMovesNothing()
    {
        var issued = await Host.MustAsync(new IssuePaymentCodeCommand(ResidentId));
        Host.Clock.Advance(TimeSpan.FromMinutes(3));

        var result = await ChargeAsync(issued.Code, 700);

        result.Error!.Type.Should().Be(ProblemTypes.Expired);
        result.Error.Detail.Should().Contain("expired");
        (await Host.BalanceAsync(ShopId)).Should().Be(0);
        (await Host.BalanceAsync(ResidentId)).Should().Be(13_000);
    }

    [Fact]
    public async Task Charge_WhenTheBalanceIsTooLow_LeavesTheCodeUnusedForASmallerCharge()
    {
        var issued = await Host.MustAsync(new IssuePaymentCodeCommand(ResidentId));

        var tooMuch = await ChargeAsync(issued.Code, 13_001);
        var afterwards = await ChargeAsync(issued.Code, 700);

        tooMuch.Error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
        afterwards.IsSuccess.Should().BeTrue("the refused charge must not have used up the code");
        (await Host.BalanceAsync(ShopId)).Should().Be(700);
    }

    [Fact]
    public async Task Charge_AWellFormedCodeNobodyHolds_IsRefusedAsInvalidQr()
    {
        await Host.MustAsync(new IssuePaymentCodeCommand(ResidentId));

        var result = await ChargeAsync(PaymentCodeFormat.Generate(), 700);

        result.Error!.Type.Should().Be(ProblemTypes.InvalidQr);
        (await Host.BalanceAsync(ShopId)).Should().Be(0);
    }

    [Fact]
    public async Task Charge_AMalformedCode_IsRefusedAsInvalidQrWith400()
    {
        var result = await ChargeAsync("not-a-code", 700);

        result.Error!.Type.Should().Be(ProblemTypes.InvalidQr);
        result.Error.Status.Should().Be(400);
    }
}
