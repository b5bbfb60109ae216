using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Settlements.GetSettlement;

/// <summary>A settlement with its per-merchant, per-program lines (for listings and to write every statement).</summary>
public sealed record GetSettlementQuery(Guid SettlementId) : IQuery<SettlementView>;

public sealed record SettlementView(
    Guid SettlementId,
    DateOnly Cutoff,
    DateOnly TransferDate,
    DateTime CreatedAt,
    int MerchantCount,
    long Points,
    long FeeYen,
    long TaxInFeeYen,
    long PayoutYen,
    IReadOnlyList<SettlementLineView> Lines,
    IReadOnlyList<HeldBackMerchant> HeldBack);

public sealed record SettlementLineView(Guid MerchantId, string MerchantName, string ProgramCode, long Points, long FeeYen, long TaxInFeeYen, long PayoutYen);

internal sealed class GetSettlementHandler(LedgerDbContext db, ICurrentActor actor) : IRequestHandler<GetSettlementQuery, Result<SettlementView>>
{
    public async Task<Result<SettlementView>> Handle(GetSettlementQuery query, CancellationToken ct)
    {
        if (CityAdmin.Only(actor, "see settlements") is { } refused)
        {
            return refused;
        }

        var s = await db.Settlements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.SettlementId, ct).ConfigureAwait(false);
        if (s is null)
        {
            return Error.NotFound("Settlement", query.SettlementId);
        }

        var lines = await (
            from l in db.SettlementLines
            join m in db.Merchants on l.MerchantId equals m.Id
            join p in db.Programs on l.ProgramId equals p.Id
            where l.SettlementId == query.SettlementId
            orderby m.Name, l.MerchantId, p.Code
            select new SettlementLineView(l.MerchantId, m.Name, p.Code, l.Points, l.FeeYen, l.TaxInFeeYen, l.PayoutYen))
            .ToListAsync(ct).ConfigureAwait(false);
        var held = await db.SettlementHolds.AsNoTracking().Where(h => h.SettlementId == query.SettlementId).OrderBy(h => h.MerchantId)
            .Select(h => new HeldBackMerchant(h.MerchantId, h.Points, h.Reason)).ToListAsync(ct).ConfigureAwait(false);
        return new SettlementView(s.Id, s.Cutoff, s.TransferDate, s.CreatedAt, s.MerchantCount, s.Points, s.FeeYen, s.TaxInFeeYen, s.PayoutYen, lines, held);
    }
}
