using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.History.GetResidentHistoryEntry;

/// <summary>One entry of a resident's history, opened: only the resident's own entries are found.</summary>
public sealed record GetResidentHistoryEntryQuery(Guid ResidentId, Guid EntryId) : IQuery<HistoryEntryDetail>;

public sealed record RefundOfPayment(Guid RefundId, long Points, DateTime At);

/// <param name="Points">Signed, as in the history list.</param>
/// <param name="Parts">Points by program and kind (共通 / 専用) that this entry moved, unsigned.</param>
/// <param name="PaymentId">For a refund: the payment it gave back.</param>
/// <param name="Refunds">For a payment: its refunds, oldest first.</param>
/// <param name="PaidYen">For a purchase: what the resident paid.</param>
public sealed record HistoryEntryDetail(Guid Id, HistoryKind Kind, DateTime At, long Points, Guid? MerchantId, string? StoreName, string? StoreNumber,
    IReadOnlyList<PaymentPart> Parts, Guid? PaymentId, IReadOnlyList<RefundOfPayment> Refunds, long? PaidYen);

internal sealed class GetResidentHistoryEntryHandler(LedgerDbContext db) : IRequestHandler<GetResidentHistoryEntryQuery, Result<HistoryEntryDetail>>
{
    public async Task<Result<HistoryEntryDetail>> Handle(GetResidentHistoryEntryQuery query, CancellationToken ct)
    {
        var id = query.ResidentId;
        var transfers = await (
            from t in db.Transfers
            join p in db.Programs on t.ProgramId equals p.Id
            where t.OperationId == query.EntryId && (t.FromAccountId == id || t.ToAccountId == id)
            orderby t.Sequence
            select new { p.Code, t.Kind, t.Type, t.Amount, t.CreatedAt, In = t.ToAccountId == id }).ToListAsync(ct).ConfigureAwait(false);
        var purchase = await db.Purchases.Where(p => p.Id == query.EntryId && p.ResidentId == id).Select(p => (long?)p.PaidYen)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (transfers.Count == 0 || HistoryKinds.Of(transfers[0].Type, purchase is not null) is not { } kind)
        {
            return Error.NotFound("History entry", query.EntryId);
        }

        var parts = transfers.GroupBy(t => (t.Code, t.Kind)).Select(g => new PaymentPart(g.Key.Code, g.Key.Kind, g.Sum(t => t.Amount))).ToList();
        var points = transfers.Sum(t => t.In ? t.Amount : -t.Amount);
        var at = transfers.Max(t => t.CreatedAt);
        var paymentId = kind switch
        {
            HistoryKind.Payment => query.EntryId,
            HistoryKind.Refund => await db.Refunds.Where(f => f.Id == query.EntryId)
                .Select(f => (Guid?)f.PaymentId).FirstOrDefaultAsync(ct).ConfigureAwait(false),
            _ => null,
        };
        if (paymentId is null)
        {
            return new HistoryEntryDetail(query.EntryId, kind, at, points, null, null, null, parts, null, [], purchase);
        }

        var shop = await (
            from p in db.Payments
            join m in db.Merchants on p.MerchantId equals m.Id
            where p.Id == paymentId
            select new { m.Id, m.Name, m.StoreNumber }).FirstAsync(ct).ConfigureAwait(false);
        var refunds = kind == HistoryKind.Payment
            ? (await db.Refunds.Where(f => f.PaymentId == paymentId).Select(f => new { f.Id, f.Amount, f.CreatedAt }).ToListAsync(ct).ConfigureAwait(false))
                .OrderBy(f => f.CreatedAt).Select(f => new RefundOfPayment(f.Id, f.Amount, f.CreatedAt)).ToList()
            : [];
        return new HistoryEntryDetail(query.EntryId, kind, at, points, shop.Id, shop.Name, shop.StoreNumber, parts,
            kind == HistoryKind.Refund ? paymentId : null, refunds, null);
    }
}
