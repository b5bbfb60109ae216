using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.History.GetResidentHistory;

/// <summary>利用履歴: a resident's purchases, grants, payments, refunds and expiries, newest first.</summary>
public sealed record GetResidentHistoryQuery(Guid ResidentId, int Page = 1, int PageSize = 20) : IQuery<HistoryPage>;

/// <param name="Id">The operation (payment, refund, purchase, expiry run …); open it with <c>GetResidentHistoryEntryQuery</c>.</param>
/// <param name="Points">Signed: positive when points came in, negative when they went out.</param>
/// <param name="BalanceAfter">The resident's points (all programs) right after this entry.</param>
/// <param name="StoreName">For a payment or refund: the shop.</param>
public sealed record HistoryEntry(Guid Id, HistoryKind Kind, DateTime At, long Points, long BalanceAfter, Guid? MerchantId, string? StoreName);

public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Items, int Page, int PageSize, int Total);

internal sealed class GetResidentHistoryValidator : IValidator<GetResidentHistoryQuery>
{
    public void Validate(GetResidentHistoryQuery r, ValidationErrors e)
    {
        e.Require(r.Page >= 1, "page", "must be 1 or more");
        e.Require(r.PageSize is >= 1 and <= 100, "pageSize", "must be from 1 to 100");
    }
}

internal sealed class GetResidentHistoryHandler(LedgerDbContext db) : IRequestHandler<GetResidentHistoryQuery, Result<HistoryPage>>
{
    public async Task<Result<HistoryPage>> Handle(GetResidentHistoryQuery query, CancellationToken ct)
    {
        if (!await db.Residents.AnyAsync(x => x.Id == query.ResidentId, ct).ConfigureAwait(false))
        {
            return Error.NotFound("Resident", query.ResidentId);
        }

        var id = query.ResidentId;
        // One row per transfer of this resident; a resident has hundreds, not millions, so the
        // running balance is summed here rather than with a window function per provider.
        var transfers = await db.Transfers.AsNoTracking()
            .Where(t => t.FromAccountId == id || t.ToAccountId == id)
            .OrderBy(t => t.Sequence)
            .Select(t => new { t.Sequence, t.OperationId, t.Type, t.CreatedAt, Signed = t.ToAccountId == id ? t.Amount : -t.Amount })
            .ToListAsync(ct).ConfigureAwait(false);
        var operations = transfers
            .GroupBy(t => (t.OperationId, t.Type))
            .Select(g => (g.Key.OperationId, g.Key.Type, Last: g.Max(t => t.Sequence), At: g.Max(t => t.CreatedAt), Points: g.Sum(t => t.Signed)))
            .OrderBy(o => o.Last)
            .ToList();

        var purchases = (await db.Purchases.Where(p => p.ResidentId == id).Select(p => p.Id).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
        var running = 0L;
        var entries = new List<(Guid Id, HistoryKind Kind, DateTime At, long Points, long After)>();
        foreach (var o in operations)
        {
            running += o.Points;
            if (HistoryKinds.Of(o.Type, purchases.Contains(o.OperationId)) is { } kind)
            {
                entries.Add((o.OperationId, kind, o.At, o.Points, running));
            }
        }

        var page = entries.AsEnumerable().Reverse().Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        var shops = await ShopsOfAsync(db, page.Where(e => e.Kind is HistoryKind.Payment or HistoryKind.Refund).Select(e => e.Id).ToList(),
            ct).ConfigureAwait(false);
        return new HistoryPage(
            page.Select(e => shops.TryGetValue(e.Id, out var shop)
                ? new HistoryEntry(e.Id, e.Kind, e.At, e.Points, e.After, shop.MerchantId, shop.Name)
                : new HistoryEntry(e.Id, e.Kind, e.At, e.Points, e.After, null, null)).ToList(),
            query.Page, query.PageSize, entries.Count);
    }

    /// <summary>The shop of each payment or refund id.</summary>
    private static async Task<Dictionary<Guid, (Guid MerchantId, string Name)>> ShopsOfAsync(LedgerDbContext db, List<Guid> operations, CancellationToken ct)
    {
        var payments = await (
            from p in db.Payments
            join m in db.Merchants on p.MerchantId equals m.Id
            where operations.Contains(p.Id)
            select new { p.Id, MerchantId = m.Id, m.Name }).ToListAsync(ct).ConfigureAwait(false);
        var refunds = await (
            from f in db.Refunds
            join p in db.Payments on f.PaymentId equals p.Id
            join m in db.Merchants on p.MerchantId equals m.Id
            where operations.Contains(f.Id)
            select new { f.Id, MerchantId = m.Id, m.Name }).ToListAsync(ct).ConfigureAwait(false);
        return payments.Concat(refunds).ToDictionary(x => x.Id, x => (x.MerchantId, x.Name));
    }
}
