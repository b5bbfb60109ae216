using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.PaymentRequests.CreatePaymentRequest;
using Tsuyama.LocalCurrency.Features.PaymentRequests.GetPaymentRequestStatus;
using Tsuyama.LocalCurrency.Features.Payments.PayByQr;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.ShopTransactions;

public sealed class PaymentRequestStatusTests : OneShopTests
{
    [Fact]
    public async Task Status_IsPendingThenPaidWithThePaymentsDisplayNumber()
    {
        var request = await Host.MustAsync(new CreatePaymentRequestCommand(ShopId, 900));
        var pending = await Host.MustAsync(new GetPaymentRequestStatusQuery(ShopId, request.RequestId));
        var paid = await Host.MustAsync(new PayByQrCommand(ResidentId, request.Payload, null, IdempotencyScopes.User(ResidentId), Host.NextKey()));

        var after = await Host.MustAsync(new GetPaymentRequestStatusQuery(ShopId, request.RequestId));

        pending.Status.Should().Be(PaymentRequestStatus.Pending);
        after.Should().BeEquivalentTo(new { Status = PaymentRequestStatus.Paid, paid.PaymentId, paid.DisplayNumber, Amount = 900L });
    }

    [Fact]
    public async Task Create_ExpiresOneLifetimeAfterCreation()
    {
        var request = await Host.MustAsync(new CreatePaymentRequestCommand(ShopId, 900));

        request.ExpiresAt.Should().Be(LedgerTestHost.Start + TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Create_ForAnUnknownShop_IsNotFound()
    {
        var result = await Host.SendAsync(new CreatePaymentRequestCommand(Guid.NewGuid(), 900));

        result.Error!.Type.Should().Be(ProblemTypes.NotFound);
    }

    [Fact]
    public async Task Status_AfterItsLifetime_IsExpired()
    {
        var request = await Host.MustAsync(new CreatePaymentRequestCommand(ShopId, 900));
        Host.Clock.Advance(TimeSpan.FromMinutes(5));

        (await Host.MustAsync(new GetPaymentRequestStatusQuery(ShopId, request.RequestId))).Status.Should().Be(PaymentRequestStatus.Expired);
    }

    [Fact]
    public async Task Status_OfAnotherShopsRequest_IsNotFound()
    {
        var request = await Host.MustAsync(new CreatePaymentRequestCommand(ShopId, 900));
        var other = await Host.RegisterMerchantAsync();

        (await Host.SendAsync(new GetPaymentRequestStatusQuery(other, request.RequestId))).Error!.Type.Should().Be(ProblemTypes.NotFound);
    }
}
