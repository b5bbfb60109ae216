using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Live;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Payments.PayByStoreNumber;

/// <summary>A resident whose camera cannot read the sticker types the store number and the amount.</summary>
public sealed record PayByStoreNumberCommand(Guid ResidentId, string StoreNumber, long Amount, string Caller, string? IdempotencyKey)
    : ICommand<PaymentMade>, IIdempotentCommand, IGroupCommit
{
    public string IdempotencyScope => Caller;
}

internal sealed class PayByStoreNumberValidator(IOptions<LedgerOptions> options) : IValidator<PayByStoreNumberCommand>
{
    public void Validate(PayByStoreNumberCommand r, ValidationErrors e)
    {
        e.Require(Domain.StoreNumber.IsWellFormed(Domain.StoreNumber.Normalize(r.StoreNumber)), "storeNumber",
            "must be the 6-digit store number printed under the shop's QR code (check for a typo)");
        e.Amount(r.Amount, options.Value);
    }
}

internal sealed class PayByStoreNumberHandler(LedgerDbContext db, TimeProvider clock,
    LivePublisher live) : IRequestHandler<PayByStoreNumberCommand, Result<PaymentMade>>
{
    public async Task<Result<PaymentMade>> Handle(PayByStoreNumberCommand command, CancellationToken ct)
    {
        var number = Domain.StoreNumber.Normalize(command.StoreNumber);
        var merchantId = await db.Merchants.Where(m => m.StoreNumber == number).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return merchantId is null
            ? Error.NotFound("Store number", number)
            : await PaymentPoster.PostAsync(db, clock, live, command.ResidentId, merchantId.Value,
                command.Amount, PaymentChannel.StoreNumber, ct).ConfigureAwait(false);
    }
}
