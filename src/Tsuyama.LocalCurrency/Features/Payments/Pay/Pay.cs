using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Payments.Pay;

/// <summary>A resident pays a merchant from their wallet.</summary>
public sealed record PayCommand(Guid ResidentId, Guid MerchantId, long Amount, PaymentChannel Channel, string Caller, string? IdempotencyKey)
    : ICommand<PaymentMade>, IIdempotentCommand
{
    public string IdempotencyScope => Caller;
}

public sealed record PaymentPart(string ProgramCode, PointKind Kind, long Points);

public sealed record PaymentMade(Guid PaymentId, Guid MerchantId, long Amount, IReadOnlyList<PaymentPart> Breakdown);

internal sealed class PayValidator(IOptions<LedgerOptions> options) : IValidator<PayCommand>
{
    public void Validate(PayCommand r, ValidationErrors e) => e.Positive(r.Amount, "amount", options.Value.MaxAmount);
}

internal sealed class PayHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<PayCommand, Result<PaymentMade>>
{
    public async Task<Result<PaymentMade>> Handle(PayCommand r, CancellationToken ct)
    {
        var journal = new Journal(db, clock);
        var size = await db.Merchants.Where(m => m.Id == r.MerchantId).Select(m => (MerchantSize?)m.Size)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (size is null)
        {
            return Error.NotFound("Merchant", r.MerchantId);
        }

        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        var lots = await SpendableLotsQuery.ForResident(db, r.ResidentId, today).ToListAsync(ct).ConfigureAwait(false);
        var draws = SpendPlanner.Plan(lots, size.Value, today, r.Amount);
        if (draws is null)
        {
            return Refusal(lots, size.Value, r.Amount);
        }

        var paymentId = Guid.CreateVersion7(now);
        var payment = new Payment
        {
            Id = paymentId,
            ResidentId = r.ResidentId,
            MerchantId = r.MerchantId,
            Amount = r.Amount,
            Channel = r.Channel,
            CreatedAt = now.UtcDateTime,
        };
        for (var i = 0; i < draws.Count; i++)
        {
            var (lot, amount) = (draws[i].Lot, draws[i].Amount);
            await db.ConsumeAsync(lot.LotId, amount, ct).ConfigureAwait(false);
            payment.Allocations.Add(new PaymentAllocation
            {
                PaymentId = paymentId,
                Index = i,
                LotId = lot.LotId,
                ProgramId = lot.ProgramId,
                Kind = lot.Kind,
                ExpiresOn = lot.ExpiresOn,
                Amount = amount,
            });
        }

        var parts = draws
            .GroupBy(d => (d.Lot.ProgramId, d.Lot.ProgramCode, d.Lot.Kind))
            .Select(g => (g.Key, Points: g.Sum(d => d.Amount)))
            .ToList();
        foreach (var (key, points) in parts)
        {
            journal.Post(key.ProgramId, key.Kind, r.ResidentId, r.MerchantId, points, TransferType.Payment, paymentId);
        }

        db.Payments.Add(payment);
        if (await journal.ApplyAsync(ct).ConfigureAwait(false) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new PaymentMade(paymentId, r.MerchantId, r.Amount, parts.Select(p => new PaymentPart(p.Key.ProgramCode, p.Key.Kind, p.Points)).ToList());
    }

    /// <summary>
    /// When the resident holds enough points but a large store cannot take their smallBusiness
    /// points, say so: "insufficient balance" would send them to buy more for nothing.
    /// </summary>
    private static Error Refusal(IReadOnlyList<SpendableLot> lots, MerchantSize size, long amount)
    {
        var eligible = lots.Where(l => SpendPlanner.Accepts(size, l.Kind)).Sum(l => l.Remaining);
        var all = lots.Sum(l => l.Remaining);
        return size == MerchantSize.Large && all >= amount
            ? Error.NotEligible($"This large store accepts general points only; {eligible} general points are available.")
            : Error.InsufficientBalance(eligible, amount);
    }
}

internal static class SpendableLotsQuery
{
    public static IQueryable<SpendableLot> ForResident(LedgerDbContext db, Guid residentId, DateOnly today) =>
        from l in db.Lots
        join p in db.Programs on l.ProgramId equals p.Id
        where l.ResidentId == residentId && l.Remaining > 0 && l.ExpiresOn >= today
        select new SpendableLot(l.Id, l.ProgramId, p.Code, l.Kind, l.ExpiresOn, l.Remaining, l.CreatedAt);
}
