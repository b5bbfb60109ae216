using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.PaymentRequests.CreatePaymentRequest;
using Tsuyama.LocalCurrency.Features.PaymentRequests.GetPaymentRequestStatus;
using Tsuyama.LocalCurrency.Features.Payments.PayByQr;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.ShopTransactions;

public sealed class PaymentRequestStatusTests : IAsyncLifetime
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

    [Fact]
    public async Task Status_IsPendingThenPaidWithThePaymentsDisplayNumber()
    {
        var request = await _host.MustAsync(new CreatePaymentRequestCommand(_shop, 900));
        var pending = await _host.MustAsync(new GetPaymentRequestStatusQuery(_shop, request.RequestId));
        var paid = await _host.MustAsync(new PayByQrCommand(_resident, request.Payload, null, IdempotencyScopes.User(_resident), _host.NextKey()));

        var after = await _host.MustAsync(new GetPaymentRequestStatusQuery(_shop, request.RequestId));

        pending.Status.Should().Be(PaymentRequestStatus.Pending);
        after.Should().BeEquivalentTo(new { Status = PaymentRequestStatus.Paid, paid.PaymentId, paid.DisplayNumber, Amount = 900L });
    }

    [Fact]
    public async Task Create_ExpiresOneLifetimeAfterCreation()
    {
        var request = await _host.MustAsync(new CreatePaymentRequestCommand(_shop, 900));

        request.ExpiresAt.Should().Be(LedgerTestHost.Start + TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Create_ForAnUnknownShop_IsNotFound()
    {
        var result = await _host.SendAsync(new CreatePaymentRequestCommand(Guid.NewGuid(), 900));

        result.Error!.Type.Should().Be(ProblemTypes.NotFound);
    }

    [Fact]
    public async Task Status_AfterItsLifetime_IsExpired()
    {
        var request = await _host.MustAsync(new CreatePaymentRequestCommand(_shop, 900));
        _host.Clock.Advance(TimeSpan.FromMinutes(5));

        (await _host.MustAsync(new GetPaymentRequestStatusQuery(_shop, request.RequestId))).Status.Should().Be(PaymentRequestStatus.Expired);
    }

    [Fact]
    public async Task Status_OfAnotherShopsRequest_IsNotFound()
    {
        var request = await _host.MustAsync(new CreatePaymentRequestCommand(_shop, 900));
        var other = await _host.RegisterMerchantAsync();

        (await _host.SendAsync(new GetPaymentRequestStatusQuery(other, request.RequestId))).Error!.Type.Should().Be(ProblemTypes.NotFound);
    }
}
