using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.ProviderCallback;

/// <summary>
/// A payment provider tells us an application was paid. The signature is
/// hex(HMAC-SHA256(secret, "{timestamp}.{raw body}")) with the Unix-seconds timestamp sent beside
/// it; a bad signature or a timestamp more than 5 minutes away is refused with 401, an event id
/// seen before with 409, and neither changes anything. Otherwise the application's payment is
/// confirmed exactly as at a counter.
/// </summary>
/// <param name="Body">The raw request body, exactly as signed.</param>
public sealed record ProviderCallbackCommand(string Body, string? Timestamp, string? Signature) : ICommand<ProviderPaymentConfirmed>;

/// <summary>The JSON body: <c>{"eventId","applicationId","amountYen","method"?}</c>.</summary>
public sealed record ProviderNotification(string? EventId, Guid? ApplicationId, long? AmountYen, string? Method);

public sealed record ProviderPaymentConfirmed(string EventId, Guid ApplicationId, PointsPurchased Purchase);

internal sealed class ProviderCallbackHandler(LedgerDbContext db, TimeProvider clock, IOptions<SalesOptions> options)
    : IRequestHandler<ProviderCallbackCommand, Result<ProviderPaymentConfirmed>>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Result<ProviderPaymentConfirmed>> Handle(ProviderCallbackCommand command, CancellationToken ct)
    {
        if (Authenticate(command) is { } refused)
        {
            return refused;
        }

        ProviderNotification? n;
        try
        {
            n = JsonSerializer.Deserialize<ProviderNotification>(command.Body, Json);
        }
        catch (JsonException)
        {
            return Error.Validation("body", "must be a JSON notification");
        }

        if (n is not { EventId: { Length: > 0 and <= 100 } eventId, ApplicationId: { } applicationId, AmountYen: { } amount })
        {
            return Error.Validation("body", "needs eventId (1–100 characters), applicationId and amountYen");
        }

        if (await db.ProviderEvents.AnyAsync(e => e.EventId == eventId, ct).ConfigureAwait(false))
        {
            return new Error(ProblemTypes.ReplayedEvent, "処理済みの通知です / Event already processed",
                $"Provider event '{eventId}' was already processed; a replay changes nothing.", 409);
        }

        var method = n.Method is { Length: > 0 and <= 32 } m ? m : "provider";
        var receipt = new PaymentReceipt(amount, PurchaseChannel.Provider, method, null, $"provider:{eventId}");
        var confirmed = await ApplicationPayment.ConfirmAsync(db, clock, applicationId, receipt, ct).ConfigureAwait(false);
        if (!confirmed.IsSuccess)
        {
            return confirmed.Error;
        }

        // A racing duplicate inserts the same key: its transaction fails, is retried and sees this event.
        db.ProviderEvents.Add(new ProviderEvent { EventId = eventId, PurchaseId = confirmed.Value.PurchaseId, ReceivedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new ProviderPaymentConfirmed(eventId, applicationId, confirmed.Value);
    }

    private Error? Authenticate(ProviderCallbackCommand r)
    {
        var secret = options.Value.ProviderSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return SalesProblems.Unauthorized("Provider callbacks are not configured (Sales:ProviderSecret is empty).");
        }

        if (!long.TryParse(r.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return SalesProblems.Unauthorized("The timestamp header must be Unix seconds.");
        }

        var expected = Sign(secret, r.Timestamp!, r.Body);
        var given = TryHex(r.Signature);
        if (given is null || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return SalesProblems.Unauthorized("The signature does not match the body and timestamp.");
        }

        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > options.Value.ProviderTimestampTolerance)
        {
            var tolerance = options.Value.ProviderTimestampTolerance.TotalSeconds;
            return SalesProblems.Unauthorized($"The timestamp is {age.TotalSeconds:F0} s from now; at most {tolerance:F0} s is accepted.");
        }

        return null;
    }

    /// <summary>hex(HMAC-SHA256(secret, "{timestamp}.{body}")), as the provider computes it.</summary>
    public static byte[] Sign(string secret, string timestamp, string body) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));

    private static byte[]? TryHex(string? hex)
    {
        if (hex is null || hex.Length != 64)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
