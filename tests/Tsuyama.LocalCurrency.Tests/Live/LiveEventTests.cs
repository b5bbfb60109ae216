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

public sealed class LiveEventTests : OneShopTests
{
    private LiveEventHub Hub => Host.Services.GetRequiredService<LiveEventHub>();

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
        using var shop = Hub.Subscribe(LiveTopics.Merchant(ShopId));
        var key = Host.NextKey();

        var paid = await Host.MustAsync(new PayCommand(ResidentId, ShopId, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(ResidentId), key));
        await Host.MustAsync(new PayCommand(ResidentId, ShopId, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(ResidentId), key));
        await Host.SendAsync(new PayCommand(ResidentId, ShopId, 999_999, PaymentChannel.StoreQr, IdempotencyScopes.User(ResidentId), Host.NextKey()));

        Drain(shop).Should().ContainSingle().Which.Data.Should().Be(
            new PaymentReceived(paid.PaymentId, 1_000, Host.Clock.GetUtcNow().UtcDateTime, paid.DisplayNumber, PaymentChannel.StoreQr));
    }

    [Fact]
    public async Task ChargeCode_TellsTheResident_AndAnExpiredCodesRolledBackPaymentTellsNobody()
    {
        using var resident = Hub.Subscribe(LiveTopics.Resident(ResidentId));
        using var shop = Hub.Subscribe(LiveTopics.Merchant(ShopId));
        var code = await Host.MustAsync(new IssuePaymentCodeCommand(ResidentId));

        var charged = await Host.MustAsync(new ChargePaymentCodeCommand(ShopId, code.Code, 700, IdempotencyScopes.Merchant(ShopId), Host.NextKey()));
        var stale = await Host.MustAsync(new IssuePaymentCodeCommand(ResidentId));
        Host.Clock.Advance(TimeSpan.FromMinutes(4));
        // The payment is posted, then the expired claim refuses it: the after-commit event must go with the rollback.
        var refused = await Host.SendAsync(new ChargePaymentCodeCommand(ShopId, stale.Code, 700, IdempotencyScopes.Merchant(ShopId), Host.NextKey()));

        refused.IsSuccess.Should().BeFalse();
        Drain(resident).Should().ContainSingle().Which.Data.Should().BeEquivalentTo(new { charged.PaymentId, Amount = 700L, StoreName = "テスト商店" });
        Drain(shop).Should().ContainSingle();
    }

    [Fact]
    public async Task PayDynamicQr_FlipsThePaymentRequestToPaid()
    {
        var request = await Host.MustAsync(new CreatePaymentRequestCommand(ShopId, 1_500));
        using var watcher = Hub.Subscribe(LiveTopics.PaymentRequest(request.RequestId));

        var paid = await Host.MustAsync(new PayByQrCommand(ResidentId, request.Payload, null, IdempotencyScopes.User(ResidentId), Host.NextKey()));

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
