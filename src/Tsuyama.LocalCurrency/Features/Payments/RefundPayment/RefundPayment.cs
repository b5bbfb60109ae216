using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Common.Behaviours;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Payments.RefundPayment;

/// <summary>The payee gives back all or part of a payment; never more than is left of it.</summary>
public sealed record RefundPaymentCommand(Guid MerchantId, Guid PaymentId, long Amount, string Caller, string? IdempotencyKey)
    : ICommand<RefundMade>, IIdempotentCommand
{
    public string IdempotencyScope => Caller;
}

public sealed record RefundMade(Guid RefundId, long Amount);

internal sealed class RefundPaymentValidator(IOptions<LedgerOptions> options) : IValidator<RefundPaymentCommand>
{
    public void Validate(RefundPaymentCommand r, ValidationErrors e) => e.Positive(r.Amount, "amount", options.Value.MaxAmount);
}

internal sealed class RefundPaymentHandler(LedgerDbContext db, TimeProvider clock, ICurrentActor actor)
    : IRequestHandler<RefundPaymentCommand, Result<RefundMade>>
{
    public async Task<Result<RefundMade>> Handle(RefundPaymentCommand r, CancellationToken ct)
    {
        if (ShopStaff.OwnerOnly(actor, "refund a payment") is { } clerk)
        {
            return clerk;
        }

        var journal = new Journal(db, clock);
        var payment = await db.Payments.AsNoTracking().Include(p => p.Allocations)
            .FirstOrDefaultAsync(p => p.Id == r.PaymentId, ct).ConfigureAwait(false);
        if (payment is null)
        {
            return Error.NotFound("Payment", r.PaymentId);
        }

        if (payment.MerchantId != r.MerchantId)
        {
            return Error.Forbidden("Only the merchant that received a payment can refund it.");
        }

        var amount = r.Amount;
        var raised = await db.Payments
            .Where(p => p.Id == payment.Id && p.RefundedAmount + amount <= p.Amount)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RefundedAmount, p => p.RefundedAmount + amount), ct).ConfigureAwait(false);
        if (raised == 0)
        {
            var refundable = await db.Payments.Where(p => p.Id == payment.Id).Select(p => p.Amount - p.RefundedAmount).FirstAsync(ct).ConfigureAwait(false);
            return Error.Rule(ProblemTypes.RefundExceedsPayment, "返金額が支払額を超えています / Refund too large",
                $"Only {refundable} points of this payment can still be refunded.");
        }

        var now = clock.GetUtcNow();
        var refundId = Guid.CreateVersion7(now);
        var left = amount;
        // Last drawn first: a partial refund gives back what the payment took last, which at a small
        // store is the general points, the ones usable at more shops.
        foreach (var allocation in payment.Allocations.OrderByDescending(a => a.Index))
        {
            var take = Math.Min(left, allocation.Amount - allocation.Refunded);
            if (take <= 0)
            {
                continue;
            }

            await MarkRefundedAsync(allocation, take, ct).ConfigureAwait(false);
            db.Lots.Add(new Lot
            {
                Id = Guid.CreateVersion7(now),
                ResidentId = payment.ResidentId,
                ProgramId = allocation.ProgramId,
                Kind = allocation.Kind,
                ExpiresOn = allocation.ExpiresOn,
                OriginalAmount = take,
                Remaining = take,
                Source = LotSource.Refund,
                SourceId = refundId,
                CreatedAt = now.UtcDateTime,
            });
            journal.Post(allocation.ProgramId, allocation.Kind, payment.MerchantId, payment.ResidentId, take, TransferType.Refund, refundId);
            left -= take;
            if (left == 0)
            {
                break;
            }
        }

        db.Refunds.Add(new Refund { Id = refundId, PaymentId = payment.Id, Amount = amount, CreatedAt = now.UtcDateTime });
        if (await journal.ApplyAsync(ct).ConfigureAwait(false) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new RefundMade(refundId, amount);
    }

    private async Task MarkRefundedAsync(PaymentAllocation allocation, long take, CancellationToken ct)
    {
        var updated = await db.PaymentAllocations
            .Where(a => a.PaymentId == allocation.PaymentId && a.Index == allocation.Index && a.Refunded + take <= a.Amount)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Refunded, a => a.Refunded + take), ct).ConfigureAwait(false);
        if (updated != 1)
        {
            throw new ConcurrencyConflictException($"Payment {allocation.PaymentId} was refunded concurrently.");
        }
    }
}
