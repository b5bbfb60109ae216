using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.PaymentRequests.CreatePaymentRequest;
using Tsuyama.LocalCurrency.Features.PaymentRequests.GetPaymentRequestStatus;
using Tsuyama.LocalCurrency.Features.Payments.PayByQr;
using Tsuyama.LocalCurrency.Qr;
using Tsuyama.LocalCurrency.Tests.Qr;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Payments;

/// <summary>
/// What a scanned code may pay: the shop's own live request for its own amount, or a store code with a typed amount.
/// Every refusal leaves the wallet and the shop as they were.
/// </summary>
public sealed class PayByQrRulesTests : OneShopTests
{
    [Fact]
    public async Task PayDynamicQr_WithAnotherRequestOfTheShopPending_ClaimsOnlyItsOwn()
    {
        var first = await Host.MustAsync(new CreatePaymentRequestCommand(ShopId, 900));
        var second = await Host.MustAsync(new CreatePaymentRequestCommand(ShopId, 400));

        await Host.MustAsync(Pay(first.Payload));

        (await Status(second.RequestId)).Should().Be(PaymentRequestStatus.Pending);
        (await Host.SendAsync(Pay(second.Payload))).IsSuccess.Should().BeTrue("the other request was still the shop's to be paid");
        (await Host.BalanceAsync(ShopId)).Should().Be(1_300);
    }

    [Fact]
    public async Task PayDynamicQr_AtTheMomentItExpires_IsRefusedAsExpiredAndNothingMoves()
    {
        var request = await Host.MustAsync(new CreatePaymentRequestCommand(ShopId, 900));
        Host.Clock.SetUtcNow(request.ExpiresAt);

        var error = await RefusedAsync(Pay(request.Payload), ProblemTypes.Expired);

        error.Title.Should().Contain("Expired or used");
        error.Detail.Should().Contain("has expired", "the resident should ask the shop for a new code, not look for a payment");
    }

    [Fact]
    public async Task PayDynamicQr_ForARequestTheShopNeverMade_IsRefused()
    {
        var forged = MerchantQrBuilder.BuildPaymentRequest(Info(ShopId), 900, Guid.NewGuid());

        (await RefusedAsync(Pay(forged), ProblemTypes.InvalidQr)).Title.Should().Contain("Unusable code");
    }

    [Fact]
    public async Task PayDynamicQr_WithItsAmountAltered_IsRefused()
    {
        var request = await Host.MustAsync(new CreatePaymentRequestCommand(ShopId, 900));
        var altered = MerchantQrBuilder.BuildPaymentRequest(Info(ShopId), 100, request.RequestId);

        await RefusedAsync(Pay(altered), ProblemTypes.InvalidQr);
    }

    [Fact]
    public async Task PayDynamicQr_NamingAnotherShop_IsRefused()
    {
        var request = await Host.MustAsync(new CreatePaymentRequestCommand(ShopId, 900));
        var other = await Host.RegisterMerchantAsync();
        var redirected = MerchantQrBuilder.BuildPaymentRequest(Info(other), 900, request.RequestId);

        await RefusedAsync(Pay(redirected), ProblemTypes.InvalidQr);
        (await Host.BalanceAsync(other)).Should().Be(0);
    }

    [Fact]
    public async Task PayDynamicQr_WithADifferentTypedAmount_IsAValidationProblem()
    {
        var request = await Host.MustAsync(new CreatePaymentRequestCommand(ShopId, 900));

        await RefusedAsync(Pay(request.Payload, amount: 500), ProblemTypes.Validation);
    }

    [Fact]
    public async Task PayStoreQr_OfNoRegisteredShop_IsAnInvalidQrProblemNotANotFound()
    {
        var stranger = MerchantQrBuilder.BuildStoreCode(Info(Guid.NewGuid()));

        await RefusedAsync(Pay(stranger, amount: 500), ProblemTypes.InvalidQr);
    }

    [Fact]
    public async Task PayStoreQr_WithoutAnAmount_AsksForOne()
    {
        var error = await RefusedAsync(Pay(MerchantQrBuilder.BuildStoreCode(Info(ShopId))), ProblemTypes.Validation);

        error.Fields!.Keys.Should().Contain("amount");
    }

    [Theory]
    [InlineData("", 500, "qrPayload")]
    [InlineData("not a qr code at all", 0, "amount")]
    [InlineData("not a qr code at all", -5, "amount")]
    public async Task PayByQr_WithAMissingPayloadOrABadAmount_IsAValidationProblem(string payload, long amount, string field)
    {
        var error = await RefusedAsync(Pay(payload, amount), ProblemTypes.Validation);

        error.Fields!.Keys.Should().Contain(field);
    }

    [Fact]
    public async Task PayByQr_WithAnUnreadablePayload_IsAnInvalidQrProblem()
    {
        await RefusedAsync(Pay("not a qr code at all", amount: 500), ProblemTypes.InvalidQr);
    }

    private PayByQrCommand Pay(string payload, long? amount = null) =>
        new(ResidentId, payload, amount, IdempotencyScopes.User(ResidentId), Host.NextKey());

    private async Task<PaymentRequestStatus> Status(Guid requestId) =>
        (await Host.MustAsync(new GetPaymentRequestStatusQuery(ShopId, requestId))).Status;

    private async Task<Error> RefusedAsync(PayByQrCommand command, string problemType)
    {
        var before = await Host.BalanceAsync(ResidentId);
        var result = await Host.SendAsync(command);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Type.Should().Be(problemType, result.Error.Detail);
        (await Host.BalanceAsync(ResidentId)).Should().Be(before);
        (await Host.BalanceAsync(ShopId)).Should().Be(0);
        (await Host.WithDbAsync(db => db.Payments.CountAsync())).Should().Be(0);
        return result.Error;
    }

    private static MerchantQrInfo Info(Guid merchant) => QrTestPayloads.Merchant with { MerchantId = merchant };
}
