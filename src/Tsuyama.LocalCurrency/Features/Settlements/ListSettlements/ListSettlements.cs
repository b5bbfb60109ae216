using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Settlements.ListSettlements;

/// <summary>
/// The newest settlements, each with its totals and the shops it held back for payout details the
/// bank file cannot carry (name, store number, points, reason), and the first cutoff a new run may take.
/// With <see cref="SettlementId"/>, only that settlement (none if it does not exist).
/// </summary>
public sealed record ListSettlementsQuery(int Limit = 24, Guid? SettlementId = null) : IQuery<SettlementList>;

/// <param name="EarliestNextCutoff">The day after the latest settled cutoff (null: none yet); cutoffs must increase.</param>
public sealed record SettlementList(IReadOnlyList<SettlementSummary> Items, DateOnly? EarliestNextCutoff);

public sealed record SettlementSummary(Guid SettlementId, DateOnly Cutoff, DateOnly TransferDate, DateTime CreatedAt, int MerchantCount, long Points,
    long FeeYen, long PayoutYen, IReadOnlyList<HeldBackShop> HeldBack);

public sealed record HeldBackShop(Guid MerchantId, string Name, string? StoreNumber, long Points, string Reason);

internal sealed class ListSettlementsValidator : IValidator<ListSettlementsQuery>
{
    public void Validate(ListSettlementsQuery r, ValidationErrors e) => e.Require(r.Limit is >= 1 and <= 500, "limit", "must be from 1 to 500");
}

internal sealed class ListSettlementsHandler(LedgerDbContext db, ICurrentActor actor) : IRequestHandler<ListSettlementsQuery, Result<SettlementList>>
{
    public async Task<Result<SettlementList>> Handle(ListSettlementsQuery query, CancellationToken ct)
    {
        if (CityAdmin.Only(actor, "see settlements") is { } refused)
        {
            return refused;
        }

        var latest = await db.Settlements.AsNoTracking().OrderByDescending(s => s.Cutoff).Select(s => (DateOnly?)s.Cutoff)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var settlements = await db.Settlements.AsNoTracking().Where(s => query.SettlementId == null || s.Id == query.SettlementId)
            .OrderByDescending(s => s.Cutoff).Take(query.Limit)
            .Select(s => new { s.Id, s.Cutoff, s.TransferDate, s.CreatedAt, s.MerchantCount, s.Points, s.FeeYen, s.PayoutYen })
            .ToListAsync(ct).ConfigureAwait(false);
        var ids = settlements.Select(s => s.Id).ToList();
        var holds = await (
            from h in db.SettlementHolds.AsNoTracking()
            join m in db.Merchants.AsNoTracking() on h.MerchantId equals m.Id
            where ids.Contains(h.SettlementId)
            orderby m.Name, h.MerchantId
            select new { h.SettlementId, Shop = new HeldBackShop(h.MerchantId, m.Name, m.StoreNumber, h.Points, h.Reason) })
            .ToListAsync(ct).ConfigureAwait(false);
        var bySettlement = holds.ToLookup(h => h.SettlementId, h => h.Shop);
        var items = settlements
            .Select(s => new SettlementSummary(s.Id, s.Cutoff, s.TransferDate, s.CreatedAt, s.MerchantCount, s.Points, s.FeeYen, s.PayoutYen,
                bySettlement[s.Id].ToList()))
            .ToList();
        return new SettlementList(items, latest?.AddDays(1));
    }
}
