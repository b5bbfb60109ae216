using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Live;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Payments;

/// <summary>
/// The one way a resident's points reach a merchant, whatever the channel (store QR, dynamic QR,
/// presented code): spend order, eligibility, guarded lot and balance updates, one transaction.
/// </summary>
/// <param name="Spendable">Everything the resident could spend today, anywhere.</param>
internal sealed record PaymentPlan(MerchantSize Size, IReadOnlyList<LotDraw> Draws, long Spendable);

internal static class PaymentPoster
{
    /// <param name="unknownMerchant">The refusal when the merchant does not exist (a scanned QR says so differently from an API call).</param>
    /// <param name="live">Tells the shop's till once the payment has committed.</param>
    public static async Task<Result<PaymentMade>> PostAsync(LedgerDbContext db, TimeProvider clock, LivePublisher live, Guid residentId,
        Guid merchantId, long amount,
        PaymentChannel channel, CancellationToken ct, Func<Error>? unknownMerchant = null)
    {
        var now = clock.GetUtcNow();
        var plan = await PlanAsync(db, now, residentId, merchantId, amount, ct, unknownMerchant).ConfigureAwait(false);
        if (!plan.IsSuccess)
        {
            return plan.Error;
        }

        var draws = plan.Value.Draws;
        var journal = new Journal(db, clock);
        var paymentId = Guid.CreateVersion7(now);
        var payment = new Payment
        {
            Id = paymentId,
            ResidentId = residentId,
            MerchantId = merchantId,
            Amount = amount,
            Channel = channel,
            CreatedAt = now.UtcDateTime,
        };
        for (var i = 0; i < draws.Count; i++)
        {
            var (lot, take) = (draws[i].Lot, draws[i].Amount);
            await db.ConsumeAsync(lot.LotId, take, ct).ConfigureAwait(false);
            payment.Allocations.Add(new PaymentAllocation
            {
                PaymentId = paymentId,
                Index = i,
                LotId = lot.LotId,
                ProgramId = lot.ProgramId,
                Kind = lot.Kind,
                ExpiresOn = lot.ExpiresOn,
                Amount = take,
            });
        }

        var parts = draws
            .GroupBy(d => (d.Lot.ProgramId, d.Lot.ProgramCode, d.Lot.Kind))
            .Select(g => (g.Key, Points: g.Sum(d => d.Amount)))
            .ToList();
        foreach (var (key, points) in parts)
        {
            journal.Post(key.ProgramId, key.Kind, residentId, merchantId, points, TransferType.Payment, paymentId);
        }

        if (await journal.ApplyAsync(ct).ConfigureAwait(false) is { } error)
        {
            return error;
        }

        await RowInserts.PaymentAsync(db, payment, ct).ConfigureAwait(false);
        live.AfterCommit(LiveTopics.Merchant(merchantId),
            new LiveEvent(PaymentReceived.Type, new PaymentReceived(paymentId, amount, now.UtcDateTime, PaymentDisplayNumber.Of(paymentId), channel)));
        return new PaymentMade(paymentId, merchantId, amount, parts.Select(p => new PaymentPart(p.Key.ProgramCode, p.Key.Kind, p.Points)).ToList());
    }

    /// <summary>
    /// Which lots a payment of <paramref name="amount"/> would draw, or the refusal it would get:
    /// the payment itself and its quote (<c>QuotePayment</c>) both ask here, so they cannot disagree.
    /// </summary>
    public static async Task<Result<PaymentPlan>> PlanAsync(LedgerDbContext db, DateTimeOffset now, Guid residentId, Guid merchantId, long amount,
        CancellationToken ct, Func<Error>? unknownMerchant = null)
    {
        var payee = await PaymentPathQueries.MerchantPayee(db, merchantId).ConfigureAwait(false);
        if (payee is null)
        {
            return unknownMerchant?.Invoke() ?? Error.NotFound("Merchant", merchantId);
        }

        if (payee.Suspended)
        {
            return Error.Rule(ProblemTypes.MerchantSuspended, "この店舗は現在お支払いを受け付けていません / Shop suspended",
                "The city has suspended this shop; it cannot receive payments until it is reactivated.");
        }

        var size = payee.Size;

        var today = JapanTime.DateOf(now);
        var lots = await PaymentPathQueries.SpendableLotsAsync(db, residentId, today, ct).ConfigureAwait(false);

        var draws = SpendPlanner.Plan(lots, size, today, amount);
        if (draws is null)
        {
            return Refusal(lots, size, amount);
        }

        return new PaymentPlan(size, draws, lots.Sum(l => l.Remaining));
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
