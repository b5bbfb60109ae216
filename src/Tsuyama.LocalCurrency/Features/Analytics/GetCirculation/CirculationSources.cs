using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;

/// <summary>Per-merchant sums of one transfer type: a few hundred rows, however many transfers.</summary>
internal sealed record MerchantSum(Guid MerchantId, TransferType Type, bool Outgoing, long Amount);

internal sealed record MerchantPair(Guid From, Guid To, long Amount);

internal sealed record DailyChange(DateTime Day, long Change);

/// <summary>
/// The aggregate reads behind the circulation report. Every sum is a GROUP BY in the database; only
/// per-type, per-merchant, per-pair and per-day rows come back, never single transfers.
/// </summary>
internal sealed class CirculationSources(LedgerDbContext db, DateTime startUtc, DateTime endUtc)
{
    private IQueryable<Transfer> InPeriod => db.Transfers.Where(t => t.CreatedAt >= startUtc && t.CreatedAt < endUtc);

    public async Task<Dictionary<TransferType, long>> TotalsByTypeAsync(CancellationToken ct) =>
        await InPeriod.GroupBy(t => t.Type)
            .Select(g => new { g.Key, Amount = g.Sum(t => t.Amount) })
            .ToDictionaryAsync(g => g.Key, g => g.Amount, ct).ConfigureAwait(false);

    /// <summary>What each merchant received from residents and merchants, and gave back, transferred on or redeemed.</summary>
    public async Task<List<MerchantSum>> MerchantSumsAsync(CancellationToken ct)
    {
        var received = await InPeriod.Where(t => t.Type == TransferType.Payment || t.Type == TransferType.MerchantTransfer)
            .GroupBy(t => new { t.ToAccountId, t.Type })
            .Select(g => new MerchantSum(g.Key.ToAccountId, g.Key.Type, false, g.Sum(t => t.Amount)))
            .ToListAsync(ct).ConfigureAwait(false);
        var sent = await InPeriod
            .Where(t => t.Type == TransferType.Refund || t.Type == TransferType.MerchantTransfer
                || t.Type == TransferType.MerchantTransferFee || t.Type == TransferType.Redemption)
            .GroupBy(t => new { t.FromAccountId, t.Type })
            .Select(g => new MerchantSum(g.Key.FromAccountId, g.Key.Type, true, g.Sum(t => t.Amount)))
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. received, .. sent];
    }

    public Task<List<MerchantPair>> MerchantPairsAsync(CancellationToken ct) =>
        InPeriod.Where(t => t.Type == TransferType.MerchantTransfer)
            .GroupBy(t => new { t.FromAccountId, t.ToAccountId })
            .Select(g => new MerchantPair(g.Key.FromAccountId, g.Key.ToAccountId, g.Sum(t => t.Amount)))
            .ToListAsync(ct);

    public Task<Dictionary<Guid, (string Category, MerchantSize Size)>> MerchantsAsync(CancellationToken ct) =>
        db.Merchants.Select(m => new { m.Id, m.Category, m.Size })
            .ToDictionaryAsync(m => m.Id, m => (m.Category, m.Size), ct);

    /// <summary>Points held by residents and merchants just before <paramref name="beforeUtc"/>.</summary>
    public async Task<long> OutstandingBeforeAsync(DateTime beforeUtc, CancellationToken ct) =>
        await OutstandingChanges(db.Transfers.Where(t => t.CreatedAt < beforeUtc))
            .SumAsync(c => (long?)c.Change, ct).ConfigureAwait(false) ?? 0;

    /// <summary>Net change of the points outstanding per JST day of the period.</summary>
    public Task<List<DailyChange>> DailyOutstandingChangesAsync(CancellationToken ct) =>
        OutstandingChanges(InPeriod)
            .Where(c => c.Change != 0)
            .GroupBy(c => c.At.AddHours(JapanTime.OffsetHours).Date)
            .Select(g => new DailyChange(g.Key, g.Sum(c => c.Change)))
            .ToListAsync(ct);

    // Judged by account type rather than transfer type, so any future kind of transfer that moves
    // points into or out of circulation is counted without changing this query.
    private IQueryable<OutstandingChange> OutstandingChanges(IQueryable<Transfer> transfers) =>
        from t in transfers
        join source in db.Accounts on t.FromAccountId equals source.Id
        join target in db.Accounts on t.ToAccountId equals target.Id
        select new OutstandingChange
        {
            At = t.CreatedAt,
            Change = (target.Type == AccountType.Resident || target.Type == AccountType.Merchant ? t.Amount : 0)
                - (source.Type == AccountType.Resident || source.Type == AccountType.Merchant ? t.Amount : 0),
        };

    // A class with a member initialiser (not a positional record) so EF can compose further operators on it.
    private sealed class OutstandingChange
    {
        public DateTime At { get; init; }
        public long Change { get; init; }
    }
}
