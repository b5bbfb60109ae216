using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Live;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Features.Payments.PayByQr;

/// <summary>
/// A resident scanned a store QR. A static code needs the amount the resident typed; a dynamic
/// code carries its amount, and is used up by this payment in the same transaction.
/// </summary>
public sealed record PayByQrCommand(Guid ResidentId, string QrPayload, long? Amount, string Caller, string? IdempotencyKey)
    : ICommand<PaymentMade>, IIdempotentCommand, IGroupCommit
{
    public string IdempotencyScope => Caller;
}

internal sealed class PayByQrValidator(IOptions<LedgerOptions> options) : IValidator<PayByQrCommand>
{
    public void Validate(PayByQrCommand r, ValidationErrors e)
    {
        e.Require(!string.IsNullOrWhiteSpace(r.QrPayload), "qrPayload", "is required");
        if (r.Amount is { } amount)
        {
            e.Amount(amount, options.Value);
        }
    }
}

internal sealed class PayByQrHandler(LedgerDbContext db, TimeProvider clock, IOptions<LedgerOptions> options, LivePublisher live)
    : IRequestHandler<PayByQrCommand, Result<PaymentMade>>
{
    public async Task<Result<PaymentMade>> Handle(PayByQrCommand command, CancellationToken ct)
    {
        var target = await QrPaymentTarget.ResolveAsync(db, options.Value, command.QrPayload, command.Amount, ct).ConfigureAwait(false);
        if (!target.IsSuccess)
        {
            return target.Error;
        }

        var (merchantId, amount, request) = target.Value;
        if (request is null)
        {
            return await PaymentPoster.PostAsync(db, clock, live, command.ResidentId, merchantId, amount, PaymentChannel.StoreQr, ct,
                QrProblems.UnknownShop).ConfigureAwait(false);
        }

        var payment = await PaymentPoster.PostAsync(db, clock, live, command.ResidentId, merchantId, amount, PaymentChannel.DynamicQr, ct,
            QrProblems.UnknownShop).ConfigureAwait(false);
        if (!payment.IsSuccess)
        {
            return payment;
        }

        var paymentId = payment.Value.PaymentId;
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.PaymentRequests
            .Where(p => p.Id == request.Id && p.PaymentId == null && p.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PaymentId, paymentId), ct).ConfigureAwait(false);
        if (claimed != 1)
        {
            // Read before the claim, the request may look pending although another payment just took it.
            return QrPaymentTarget.Unusable(request, now) ?? QrPaymentTarget.AlreadyPaid();
        }

        live.AfterCommit(LiveTopics.PaymentRequest(request.Id), new LiveEvent(PaymentRequestPaid.Type,
            new PaymentRequestPaid(request.Id, paymentId, amount, now, payment.Value.DisplayNumber)));
        return payment;
    }
}

/// <summary>What a scanned code asks to pay: the shop, the amount and, for a dynamic code, its request.</summary>
internal sealed record QrTarget(Guid MerchantId, long Amount, PaymentRequest? Request);

/// <summary>Reads a scanned code the same way for the payment and for its quote.</summary>
internal static class QrPaymentTarget
{
    public static async Task<Result<QrTarget>> ResolveAsync(LedgerDbContext db, LedgerOptions options, string payload, long? typedAmount, CancellationToken ct)
    {
        if (!MerchantQrDecoder.TryDecode(payload, out var qr, out var invalid))
        {
            return QrProblems.Invalid(invalid!);
        }

        if (!qr!.IsDynamic)
        {
            if (typedAmount is null)
            {
                return Error.Validation("amount", "is required for a store QR code without an amount");
            }

            return new QrTarget(qr.MerchantId, typedAmount.Value, null);
        }

        if (typedAmount is { } typed && typed != qr.Amount)
        {
            return Error.Validation("amount", $"must be omitted or equal to the amount in the code ({qr.Amount})");
        }

        var amount = qr.Amount!.Value;
        // The amount in the code is checked by the same rule as a typed one.
        if (new ValidationErrors().Amount(amount, options) is { Any: true } tooLarge)
        {
            return tooLarge.ToError();
        }

        var request = await db.PaymentRequests.AsNoTracking().FirstOrDefaultAsync(p => p.Id == qr.RequestId, ct).ConfigureAwait(false);
        if (request is null || request.MerchantId != qr.MerchantId || request.Amount != amount)
        {
            return QrProblems.Refused(ProblemTypes.InvalidQr, "This payment request was not issued by the shop.");
        }

        return new QrTarget(qr.MerchantId, amount, request);
    }

    public static Error AlreadyPaid() => QrProblems.Refused(ProblemTypes.Expired, "This payment request has already been paid.");

    /// <summary>Why a payment request can no longer be paid at <paramref name="now"/>, or null while it can.</summary>
    public static Error? Unusable(PaymentRequest request, DateTime now) => PaymentRequestStates.Of(request, now) switch
    {
        PaymentRequestStatus.Paid => AlreadyPaid(),
        PaymentRequestStatus.Expired => QrProblems.Refused(ProblemTypes.Expired, "This payment request has expired; ask the shop for a new code."),
        _ => null,
    };
}

internal static class QrProblems
{
    public static Error UnknownShop() => Refused(ProblemTypes.InvalidQr, "This QR code belongs to no registered shop.");

    public static Error Invalid(QrFormatException ex) =>
        new(ProblemTypes.InvalidQr, "QRコードを読み取れません / Invalid QR code", $"{ex.Message} ({ex.ResidentMessage})", 400);

    public static Error Refused(string type, string detail) => type == ProblemTypes.Expired
        ? Error.Rule(type, "有効期限切れまたは使用済みです / Expired or used", detail)
        : Error.Rule(type, "このコードでは支払えません / Unusable code", detail);
}
