using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.PaymentCodes.IssuePaymentCode;
using Tsuyama.LocalCurrency.Features.Payments;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.PayByQr;
using Tsuyama.LocalCurrency.Live;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Features.PaymentCodes.ChargePaymentCode;

/// <summary>A shop charges a resident's presented code, once, as itself.</summary>
public sealed record ChargePaymentCodeCommand(Guid MerchantId, string Code, long Amount, string Caller, string? IdempotencyKey)
    : ICommand<PaymentMade>, IIdempotentCommand, IGroupCommit
{
    public string IdempotencyScope => Caller;
}

internal sealed class ChargePaymentCodeValidator(IOptions<LedgerOptions> options) : IValidator<ChargePaymentCodeCommand>
{
    public void Validate(ChargePaymentCodeCommand r, ValidationErrors e)
    {
        e.Require(!string.IsNullOrWhiteSpace(r.Code), "code", "is required");
        e.Amount(r.Amount, options.Value);
    }
}

internal sealed class ChargePaymentCodeHandler(LedgerDbContext db, TimeProvider clock, LivePublisher live)
    : IRequestHandler<ChargePaymentCodeCommand, Result<PaymentMade>>
{
    public async Task<Result<PaymentMade>> Handle(ChargePaymentCodeCommand command, CancellationToken ct)
    {
        string code;
        try
        {
            code = PaymentCodeFormat.Parse(command.Code);
        }
        catch (QrFormatException ex)
        {
            return QrProblems.Invalid(ex);
        }

        var hash = PaymentCodeHash.Of(code);
        var presented = await db.PaymentCodes.AsNoTracking().FirstOrDefaultAsync(c => c.CodeHash == hash, ct).ConfigureAwait(false);
        if (presented is null)
        {
            return QrProblems.Refused(ProblemTypes.InvalidQr, "No resident holds this payment code.");
        }

        var payment = await PaymentPoster.PostAsync(db, clock, live, presented.ResidentId, command.MerchantId, command.Amount, PaymentChannel.PresentedCode,
            ct).ConfigureAwait(false);
        if (!payment.IsSuccess)
        {
            return payment;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var paymentId = payment.Value.PaymentId;
        var claimed = await db.PaymentCodes
            .Where(c => c.CodeHash == hash && c.PaymentId == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PaymentId, paymentId), ct).ConfigureAwait(false);
        if (claimed == 1)
        {
            var storeName = await db.Merchants.Where(m => m.Id == command.MerchantId).Select(m => m.Name).FirstAsync(ct).ConfigureAwait(false);
            live.AfterCommit(LiveTopics.Resident(presented.ResidentId), new LiveEvent(CodeCharged.Type,
                new CodeCharged(paymentId, command.MerchantId, storeName, command.Amount, now, payment.Value.DisplayNumber)));
            return payment;
        }

        return QrProblems.Refused(ProblemTypes.Expired, presented.ExpiresAt <= now
            ? "This payment code has expired; ask the customer to show a new one."
            : "This payment code has already been used.");
    }
}
