using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Wallets.GetWallet;

public sealed record GetWalletQuery(Guid ResidentId) : IQuery<Wallet>;

public sealed record WalletLot(string ProgramCode, PointKind Kind, long Points, DateOnly ExpiresOn);

/// <summary>Spendable points today, grouped by program, kind and expiry day.</summary>
public sealed record Wallet(long Total, IReadOnlyList<WalletLot> Lots);

internal sealed class GetWalletHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<GetWalletQuery, Result<Wallet>>
{
    public async Task<Result<Wallet>> Handle(GetWalletQuery query, CancellationToken ct)
    {
        if (!await db.Residents.AnyAsync(x => x.Id == query.ResidentId, ct).ConfigureAwait(false))
        {
            return Error.NotFound("Resident", query.ResidentId);
        }

        var today = JapanTime.Today(clock);
        var rows = await (
            from l in db.Lots.Where(LotRules.SpendableOn(today))
            join p in db.Programs on l.ProgramId equals p.Id
            where l.ResidentId == query.ResidentId
            group l by new { p.Code, l.Kind, l.ExpiresOn } into g
            select new { g.Key.Code, g.Key.Kind, g.Key.ExpiresOn, Points = g.Sum(x => x.Remaining) })
            .ToListAsync(ct).ConfigureAwait(false);
        var lots = rows
            .OrderBy(x => x.ExpiresOn).ThenBy(x => x.Code, StringComparer.Ordinal).ThenBy(x => x.Kind)
            .Select(x => new WalletLot(x.Code, x.Kind, x.Points, x.ExpiresOn))
            .ToList();
        return new Wallet(lots.Sum(l => l.Points), lots);
    }
}
