using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.ShopTransactions;

public enum ShopTransactionKind
{
    Payment = 0,
    Refund = 1,
}

/// <param name="Id">The payment or refund id.</param>
/// <param name="Amount">Points received (a payment) or given back (a refund), unsigned.</param>
/// <param name="PaymentId">The payment itself, or the one a refund gave back.</param>
/// <param name="DisplayNumber">受付番号 of the payment.</param>
/// <param name="Refunded">Of a payment: how much of it has been refunded so far (any day).</param>
public sealed record ShopTransaction(Guid Id, ShopTransactionKind Kind, DateTime At, long Amount, Guid PaymentId, string DisplayNumber,
    PaymentChannel Channel, long Refunded);

/// <param name="Count">Payments received.</param>
/// <param name="Amount">Points of those payments.</param>
/// <param name="Refunds">Points given back in the period (of payments from any day).</param>
/// <param name="Net">Amount less refunds.</param>
public sealed record ShopTotals(int Count, long Amount, long Refunds, long Net)
{
    public static ShopTotals Of(IEnumerable<ShopTransaction> entries)
    {
        var list = entries as IReadOnlyCollection<ShopTransaction> ?? entries.ToList();
        var payments = list.Where(e => e.Kind == ShopTransactionKind.Payment).ToList();
        var amount = payments.Sum(p => p.Amount);
        var refunds = list.Where(e => e.Kind == ShopTransactionKind.Refund).Sum(r => r.Amount);
        return new ShopTotals(payments.Count, amount, refunds, amount - refunds);
    }
}

/// <summary>A shop's payments and refunds in a span of time, oldest first: the day view, the CSV and the live totals read here.</summary>
internal static class ShopLedger
{
    public static async Task<List<ShopTransaction>> ReadAsync(LedgerDbContext db, Guid merchantId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.MerchantId == merchantId && p.CreatedAt >= fromUtc && p.CreatedAt < toUtc)
            .Select(p => new { p.Id, p.CreatedAt, p.Amount, p.Channel, p.RefundedAmount })
            .ToListAsync(ct).ConfigureAwait(false);
        var refunds = await (
            from f in db.Refunds
            join p in db.Payments on f.PaymentId equals p.Id
            where p.MerchantId == merchantId && f.CreatedAt >= fromUtc && f.CreatedAt < toUtc
            select new { f.Id, f.CreatedAt, f.Amount, f.PaymentId, p.Channel }).ToListAsync(ct).ConfigureAwait(false);
        return payments
            .Select(p => new ShopTransaction(p.Id, ShopTransactionKind.Payment, p.CreatedAt, p.Amount, p.Id, PaymentDisplayNumber.Of(p.Id), p.Channel, p.RefundedAmount))
            .Concat(refunds.Select(f => new ShopTransaction(f.Id, ShopTransactionKind.Refund, f.CreatedAt, f.Amount, f.PaymentId, PaymentDisplayNumber.Of(f.PaymentId), f.Channel, 0)))
            .OrderBy(e => e.At).ThenBy(e => e.Kind).ThenBy(e => e.Id)
            .ToList();
    }

    /// <summary>The UTC span of JST days <paramref name="from"/>..<paramref name="to"/> inclusive.</summary>
    public static (DateTime From, DateTime To) Span(DateOnly from, DateOnly to) => (JapanTime.EndOfDayUtc(from.AddDays(-1)), JapanTime.EndOfDayUtc(to));
}
