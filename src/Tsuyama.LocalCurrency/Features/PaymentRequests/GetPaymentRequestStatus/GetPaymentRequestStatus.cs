using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.PaymentRequests.GetPaymentRequestStatus;

/// <summary>The countdown page's question: is the shop's dynamic QR still pending, paid or expired? Another shop's request is not found.</summary>
public sealed record GetPaymentRequestStatusQuery(Guid MerchantId, Guid RequestId) : IQuery<PaymentRequestState>;

/// <param name="PaymentId">Set once paid; <paramref name="DisplayNumber"/> is that payment's 受付番号.</param>
public sealed record PaymentRequestState(Guid RequestId, long Amount, PaymentRequestStatus Status, DateTimeOffset ExpiresAt, Guid? PaymentId,
    string? DisplayNumber);

internal sealed class GetPaymentRequestStatusHandler(LedgerDbContext db,
    TimeProvider clock) : IRequestHandler<GetPaymentRequestStatusQuery, Result<PaymentRequestState>>
{
    public async Task<Result<PaymentRequestState>> Handle(GetPaymentRequestStatusQuery query, CancellationToken ct)
    {
        var request = await db.PaymentRequests.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.RequestId && p.MerchantId == query.MerchantId,
            ct).ConfigureAwait(false);
        return request is null ? Error.NotFound("Payment request", query.RequestId) : Of(request, clock.GetUtcNow().UtcDateTime);
    }

    internal static PaymentRequestState Of(PaymentRequest request, DateTime now) =>
        new(request.Id, request.Amount, PaymentRequestStates.Of(request, now), new DateTimeOffset(request.ExpiresAt, TimeSpan.Zero), request.PaymentId,
            request.PaymentId is { } paid ? PaymentDisplayNumber.Of(paid) : null);
}
