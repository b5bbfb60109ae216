using System.Collections.Concurrent;
using System.Threading.Channels;
using Tsuyama.LocalCurrency.Common.Behaviours;

namespace Tsuyama.LocalCurrency.Live;

/// <summary>Something a till or a phone shows as it happens; <see cref="Type"/> is the server-sent event name.</summary>
public sealed record LiveEvent(string Type, object Data);

/// <summary>Who listens: one shop, one resident, or one payment request.</summary>
public static class LiveTopics
{
    public static string Merchant(Guid id) => $"merchant:{id:N}";
    public static string Resident(Guid id) => $"resident:{id:N}";
    public static string PaymentRequest(Guid id) => $"payment-request:{id:N}";
}

/// <summary>
/// In-process fan-out of committed facts to open event streams. Per host (docs/decisions: live
/// events): a subscriber sees only what this process committed. A slow subscriber loses its
/// oldest events rather than holding up a payment.
/// </summary>
public sealed class LiveEventHub
{
    private const int BufferPerSubscriber = 64;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<LiveEvent>, byte>> _topics = new(StringComparer.Ordinal);

    public LiveSubscription Subscribe(string topic)
    {
        var channel = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(BufferPerSubscriber)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _topics.GetOrAdd(topic, _ => new()).TryAdd(channel, 0);
        return new LiveSubscription(channel.Reader, () =>
        {
            if (_topics.TryGetValue(topic, out var subscribers))
            {
                subscribers.TryRemove(channel, out _);
                channel.Writer.TryComplete();
            }
        });
    }

    public void Publish(string topic, LiveEvent e)
    {
        if (_topics.TryGetValue(topic, out var subscribers))
        {
            foreach (var channel in subscribers.Keys)
            {
                channel.Writer.TryWrite(e);
            }
        }
    }

    /// <summary>Open subscriptions of <paramref name="topic"/> (tests wait for a stream to be listening).</summary>
    public int SubscriberCount(string topic) => _topics.TryGetValue(topic, out var subscribers) ? subscribers.Count : 0;
}

public sealed class LiveSubscription(ChannelReader<LiveEvent> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<LiveEvent> Reader { get; } = reader;

    public void Dispose() => unsubscribe();
}

/// <summary>Use cases announce through this: the event reaches the hub only once the command's transaction has committed.</summary>
public sealed class LivePublisher(TransactionState transactionState, LiveEventHub hub)
{
    public void AfterCommit(string topic, LiveEvent e) => transactionState.AfterCommit(() => hub.Publish(topic, e));
}
