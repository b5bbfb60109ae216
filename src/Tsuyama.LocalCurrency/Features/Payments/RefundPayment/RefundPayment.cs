using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Common.Behaviours;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Payments.RefundPayment;

/// <summary>
/// The payee gives back all or part of a payment; never more than is left of it, only within the
/// programs' refund window, and points already past their last valid day only when the program
/// grants a grace period (otherwise the shop refunds in cash: a refund into an expired lot would
/// take the shop's points and give the resident nothing).
/// </summary>
public sealed record RefundPaymentCommand(Guid MerchantId, Guid PaymentId, long Amount, string Caller, string? IdempotencyKey)
    : ICommand<RefundMade>, IIdempotentCommand
{
    public string IdempotencyScope => Caller;
}

public sealed record RefundMade(Guid RefundId, long Amount);

internal sealed class RefundPaymentValidator(IOptions<LedgerOptions> options) : IValidator<RefundPaymentCommand>
{
    public void Validate(RefundPaymentCommand r, ValidationErrors e) => e.Amount(r.Amount, options.Value);
}

internal sealed class RefundPaymentHandler(LedgerDbContext db, TimeProvider clock, ICurrentActor actor)
    : IRequestHandler<RefundPaymentCommand, Result<RefundMade>>
{
    public async Task<Result<RefundMade>> Handle(RefundPaymentCommand command, CancellationToken ct)
    {
        if (ShopStaff.OwnerOnly(actor, "refund a payment") is { } clerk)
        {
            return clerk;
        }

        var journal = new Journal(db, clock);
        var payment = await db.Payments.AsNoTracking().Include(p => p.Allocations)
            .FirstOrDefaultAsync(p => p.Id == command.PaymentId, ct).ConfigureAwait(false);
        if (payment is null)
        {
            return Error.NotFound("Payment", command.PaymentId);
        }

        if (payment.MerchantId != command.MerchantId)
        {
            return Error.Forbidden("Only the merchant that received a payment can refund it.");
        }

        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        var programIds = payment.Allocations.Select(a => a.ProgramId).Distinct().ToList();
        var rules = await db.Programs.AsNoTracking().Where(p => programIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.Code, p.RefundWindowDays, p.RefundGraceDays }, ct).ConfigureAwait(false);
        var window = rules.Values.Where(p => p.RefundWindowDays is not null).MinBy(p => p.RefundWindowDays);
        var paidOn = JapanTime.DateOf(new DateTimeOffset(payment.CreatedAt, TimeSpan.Zero));
        if (window is not null && today > paidOn.AddDays(window.RefundWindowDays!.Value))
        {
            return Error.Rule(ProblemTypes.RefundWindowClosed, "返金期間を過ぎています / Refund window closed",
                $"Payments with '{window.Code}' points can be refunded until {window.RefundWindowDays} day(s) after the payment " +
                $"({paidOn.AddDays(window.RefundWindowDays.Value):yyyy-MM-dd}, JST).");
        }

        // Last drawn first: a partial refund gives back what the payment took last, which at a small
        // store is the general points, the ones usable at more shops.
        var plan = new List<(PaymentAllocation Allocation, long Take, DateOnly ExpiresOn)>();
        var left = command.Amount;
        foreach (var allocation in payment.Allocations.OrderByDescending(a => a.Index))
        {
            var take = Math.Min(left, allocation.Amount - allocation.Refunded);
            if (take <= 0)
            {
                continue;
            }

            var expiresOn = allocation.ExpiresOn;
            if (expiresOn < today)
            {
                var grace = rules[allocation.ProgramId];
                if (grace.RefundGraceDays == 0)
                {
                    return Error.Rule(ProblemTypes.Expired, "ポイントの有効期限が切れています / Points expired",
                        $"The points of this payment expired on {expiresOn:yyyy-MM-dd} and '{grace.Code}' grants no refund grace period: " +
                        "refund the resident in cash.");
                }

                expiresOn = today.AddDays(grace.RefundGraceDays);
            }

            plan.Add((allocation, take, expiresOn));
            left -= take;
            if (left == 0)
            {
                break;
            }
        }

        var amount = command.Amount;
        var raised = await db.Payments
            .Where(p => p.Id == payment.Id && p.RefundedAmount + amount <= p.Amount)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RefundedAmount, p => p.RefundedAmount + amount), ct).ConfigureAwait(false);
        if (raised == 0)
        {
            var refundable = await db.Payments.Where(p => p.Id == payment.Id).Select(p => p.Amount - p.RefundedAmount).FirstAsync(ct).ConfigureAwait(false);
            return Error.Rule(ProblemTypes.RefundExceedsPayment, "返金額が支払額を超えています / Refund too large",
                $"Only {refundable} points of this payment can still be refunded.");
        }

        var refundId = Guid.CreateVersion7(now);
        foreach (var (allocation, take, expiresOn) in plan)
        {
            await MarkRefundedAsync(allocation, take, ct).ConfigureAwait(false);
            db.Lots.Add(new Lot
            {
                Id = Guid.CreateVersion7(now),
                ResidentId = payment.ResidentId,
                ProgramId = allocation.ProgramId,
                Kind = allocation.Kind,
                ExpiresOn = expiresOn,
                OriginalAmount = take,
                Remaining = take,
                Source = LotSource.Refund,
                SourceId = refundId,
                CreatedAt = now.UtcDateTime,
            });
            journal.Post(allocation.ProgramId, allocation.Kind, payment.MerchantId, payment.ResidentId, take, TransferType.Refund, refundId);
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
