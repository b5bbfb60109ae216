using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.PaymentCodes.ChargePaymentCode;
using Tsuyama.LocalCurrency.Features.PaymentCodes.IssuePaymentCode;
using Tsuyama.LocalCurrency.Features.PaymentRequests.CreatePaymentRequest;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.PayByQr;
using Tsuyama.LocalCurrency.Live;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Live;

public sealed class LiveEventTests : IAsyncLifetime
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

    private LiveEventHub Hub => _host.Services.GetRequiredService<LiveEventHub>();

    private static List<LiveEvent> Drain(LiveSubscription subscription)
    {
        var events = new List<LiveEvent>();
        while (subscription.Reader.TryRead(out var e))
        {
            events.Add(e);
        }

        return events;
    }

    [Fact]
    public async Task Pay_PublishesPaymentReceivedToTheShop_OnlyOnce_AndARefusalPublishesNothing()
    {
        using var shop = Hub.Subscribe(LiveTopics.Merchant(_shop));
        var key = _host.NextKey();

        var paid = await _host.MustAsync(new PayCommand(_resident, _shop, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(_resident), key));
        await _host.MustAsync(new PayCommand(_resident, _shop, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(_resident), key));
        await _host.SendAsync(new PayCommand(_resident, _shop, 999_999, PaymentChannel.StoreQr, IdempotencyScopes.User(_resident), _host.NextKey()));

        Drain(shop).Should().ContainSingle().Which.Data.Should().Be(
            new PaymentReceived(paid.PaymentId, 1_000, _host.Clock.GetUtcNow().UtcDateTime, paid.DisplayNumber, PaymentChannel.StoreQr));
    }

    [Fact]
    public async Task ChargeCode_TellsTheResident_AndAnExpiredCodesRolledBackPaymentTellsNobody()
    {
        using var resident = Hub.Subscribe(LiveTopics.Resident(_resident));
        using var shop = Hub.Subscribe(LiveTopics.Merchant(_shop));
        var code = await _host.MustAsync(new IssuePaymentCodeCommand(_resident));

        var charged = await _host.MustAsync(new ChargePaymentCodeCommand(_shop, code.Code, 700, IdempotencyScopes.Merchant(_shop), _host.NextKey()));
        var stale = await _host.MustAsync(new IssuePaymentCodeCommand(_resident));
        _host.Clock.Advance(TimeSpan.FromMinutes(4));
        // The payment is posted, then the expired claim refuses it: the after-commit event must go with the rollback.
        var refused = await _host.SendAsync(new ChargePaymentCodeCommand(_shop, stale.Code, 700, IdempotencyScopes.Merchant(_shop), _host.NextKey()));

        refused.IsSuccess.Should().BeFalse();
        Drain(resident).Should().ContainSingle().Which.Data.Should().BeEquivalentTo(new { charged.PaymentId, Amount = 700L, StoreName = "テスト商店" });
        Drain(shop).Should().ContainSingle();
    }

    [Fact]
    public async Task PayDynamicQr_FlipsThePaymentRequestToPaid()
    {
        var request = await _host.MustAsync(new CreatePaymentRequestCommand(_shop, 1_500));
        using var watcher = Hub.Subscribe(LiveTopics.PaymentRequest(request.RequestId));

        var paid = await _host.MustAsync(new PayByQrCommand(_resident, request.Payload, null, IdempotencyScopes.User(_resident), _host.NextKey()));

        Drain(watcher).Should().ContainSingle().Which.Data.Should().BeEquivalentTo(new { request.RequestId, paid.PaymentId, Amount = 1_500L });
    }

    [Fact]
    public void Subscription_WhenDisposed_StopsReceiving()
    {
        var topic = LiveTopics.Merchant(Guid.NewGuid());
        var subscription = Hub.Subscribe(topic);
        Hub.SubscriberCount(topic).Should().Be(1);

        subscription.Dispose();
        Hub.Publish(topic, new LiveEvent("x", 1));

        Hub.SubscriberCount(topic).Should().Be(0);
        subscription.Reader.Completion.IsCompleted.Should().BeTrue();
    }
}
