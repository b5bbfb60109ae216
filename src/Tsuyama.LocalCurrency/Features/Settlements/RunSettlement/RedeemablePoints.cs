using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;

internal sealed record RedeemableHolding(Guid MerchantId, Guid ProgramId, PointKind Kind, long Points);

/// <summary>
/// What every merchant may be paid for at a cutoff, in three set-based aggregates instead of a query
/// per merchant. It works back from the current balances through the transfers made since the
/// cutoff, so its cost follows the activity since the cutoff rather than the whole history.
/// </summary>
internal static class RedeemablePoints
{
    /// <summary>
    /// Per (merchant, program, kind): the current balance, less what was credited since the end of
    /// the cutoff day, plus what was debited since then other than redemptions; capped by the
    /// current balance. That equals the balance at the cutoff less every redemption ever made:
    /// redemptions all belong to earlier cutoffs, even one that ran after this cutoff day.
    /// </summary>
    public static async Task<List<RedeemableHolding>> ForCutoffAsync(LedgerDbContext db, DateTime endUtc, CancellationToken ct)
    {
        var merchants = db.Accounts.Where(a => a.Type == AccountType.Merchant).Select(a => a.Id);

        var balances = await db.Balances
            .Where(b => b.Amount > 0 && merchants.Contains(b.AccountId))
            .Select(b => new { b.AccountId, b.ProgramId, b.Kind, b.Amount })
            .ToListAsync(ct).ConfigureAwait(false);

        // Both use the (account, CreatedAt) indexes: only the rows since the cutoff are read.
        var creditedSince = await db.Transfers
            .Where(t => t.CreatedAt >= endUtc && merchants.Contains(t.ToAccountId))
            .GroupBy(t => new { t.ToAccountId, t.ProgramId, t.Kind })
            .Select(g => new { g.Key.ToAccountId, g.Key.ProgramId, g.Key.Kind, Sum = g.Sum(t => t.Amount) })
            .ToDictionaryAsync(x => (x.ToAccountId, x.ProgramId, x.Kind), x => x.Sum, ct).ConfigureAwait(false);

        var debitedSince = await db.Transfers
            .Where(t => t.CreatedAt >= endUtc && t.Type != TransferType.Redemption && merchants.Contains(t.FromAccountId))
            .GroupBy(t => new { t.FromAccountId, t.ProgramId, t.Kind })
            .Select(g => new { g.Key.FromAccountId, g.Key.ProgramId, g.Key.Kind, Sum = g.Sum(t => t.Amount) })
            .ToDictionaryAsync(x => (x.FromAccountId, x.ProgramId, x.Kind), x => x.Sum, ct).ConfigureAwait(false);

        var holdings = new List<RedeemableHolding>(balances.Count);
        foreach (var b in balances)
        {
            var key = (b.AccountId, b.ProgramId, b.Kind);
            var due = b.Amount - creditedSince.GetValueOrDefault(key) + debitedSince.GetValueOrDefault(key);
            var points = Math.Min(due, b.Amount);
            if (points > 0)
            {
                holdings.Add(new RedeemableHolding(b.AccountId, b.ProgramId, b.Kind, points));
            }
        }

        return holdings;
    }
}
