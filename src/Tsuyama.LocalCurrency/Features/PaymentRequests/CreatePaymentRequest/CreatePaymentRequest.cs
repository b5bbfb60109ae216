using MediatR;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Features.PaymentRequests.CreatePaymentRequest;

/// <summary>A shop asks for a specific amount with a single-use, short-lived dynamic QR.</summary>
public sealed record CreatePaymentRequestCommand(Guid MerchantId, long Amount) : ICommand<PaymentRequestCreated>;

public sealed record PaymentRequestCreated(Guid RequestId, string Payload, DateTimeOffset ExpiresAt);

internal sealed class CreatePaymentRequestValidator(IOptions<LedgerOptions> options) : IValidator<CreatePaymentRequestCommand>
{
    public void Validate(CreatePaymentRequestCommand r, ValidationErrors e) => e.Amount(r.Amount, options.Value);
}

internal sealed class CreatePaymentRequestHandler(LedgerDbContext db, TimeProvider clock, IOptions<LedgerOptions> options)
    : IRequestHandler<CreatePaymentRequestCommand, Result<PaymentRequestCreated>>
{
    public async Task<Result<PaymentRequestCreated>> Handle(CreatePaymentRequestCommand command, CancellationToken ct)
    {
        var merchant = await MerchantQrInfoQuery.ForAsync(db, command.MerchantId, ct).ConfigureAwait(false);
        if (merchant is null)
        {
            return Error.NotFound("Merchant", command.MerchantId);
        }

        var now = clock.GetUtcNow();
        var request = new PaymentRequest
        {
            Id = Guid.CreateVersion7(now),
            MerchantId = command.MerchantId,
            Amount = command.Amount,
            ExpiresAt = (now + options.Value.PaymentRequestLifetime).UtcDateTime,
            CreatedAt = now.UtcDateTime,
        };
        db.PaymentRequests.Add(request);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var payload = MerchantQrBuilder.BuildPaymentRequest(merchant, command.Amount, request.Id);
        return new PaymentRequestCreated(request.Id, payload, now + options.Value.PaymentRequestLifetime);
    }
}
