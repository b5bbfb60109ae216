using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.History.GetResidentHistoryEntry;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopPayment;

/// <summary>One payment a shop received, opened (the refund screen starts here). Another shop's payment is not found.</summary>
public sealed record GetShopPaymentQuery(Guid MerchantId, Guid PaymentId) : IQuery<ShopPaymentDetail>;

/// <param name="Refundable">What a refund may still give back.</param>
/// <param name="Parts">Points received by program and kind.</param>
public sealed record ShopPaymentDetail(Guid PaymentId, string DisplayNumber, DateTime At, long Amount, PaymentChannel Channel, long Refunded, long Refundable,
    IReadOnlyList<PaymentPart> Parts, IReadOnlyList<RefundOfPayment> Refunds);

internal sealed class GetShopPaymentHandler(LedgerDbContext db) : IRequestHandler<GetShopPaymentQuery, Result<ShopPaymentDetail>>
{
    public async Task<Result<ShopPaymentDetail>> Handle(GetShopPaymentQuery query, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().Where(p => p.Id == query.PaymentId && p.MerchantId == query.MerchantId)
            .Select(p => new { p.Id, p.CreatedAt, p.Amount, p.Channel, p.RefundedAmount }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (payment is null)
        {
            return Error.NotFound("Payment", query.PaymentId);
        }

        var parts = await (
            from t in db.Transfers
            join p in db.Programs on t.ProgramId equals p.Id
            where t.OperationId == query.PaymentId && t.Type == TransferType.Payment
            group t by new { p.Code, t.Kind } into g
            select new PaymentPart(g.Key.Code, g.Key.Kind, g.Sum(t => t.Amount))).ToListAsync(ct).ConfigureAwait(false);
        var refunds = (await db.Refunds.Where(f => f.PaymentId == query.PaymentId).Select(f => new { f.Id, f.Amount,
            f.CreatedAt }).ToListAsync(ct).ConfigureAwait(false))
            .OrderBy(f => f.CreatedAt).Select(f => new RefundOfPayment(f.Id, f.Amount, f.CreatedAt)).ToList();
        return new ShopPaymentDetail(payment.Id, PaymentDisplayNumber.Of(payment.Id), payment.CreatedAt, payment.Amount, payment.Channel,
            payment.RefundedAmount, payment.Amount - payment.RefundedAmount, parts.OrderBy(p => p.Kind).ThenBy(p => p.ProgramCode,
                StringComparer.Ordinal).ToList(), refunds);
    }
}
