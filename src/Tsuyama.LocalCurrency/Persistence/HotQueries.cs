using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;

namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>
/// The reads every payment makes, compiled once: EF then skips parameter extraction and query-cache
/// lookup, which cost more than the SQLite statements themselves.
/// </summary>
internal static class HotQueries
{
    /// <summary>The payee's size (which points it takes) and whether the city suspended it; null when there is no such merchant.</summary>
    public static readonly Func<LedgerDbContext, Guid, Task<MerchantPayee?>> MerchantPayee =
        EF.CompileAsyncQuery((LedgerDbContext db, Guid id) =>
            db.Merchants.Where(m => m.Id == id).Select(m => new MerchantPayee(m.Size, m.SuspendedAt != null)).FirstOrDefault());

    public static readonly Func<LedgerDbContext, Guid, DateOnly, IAsyncEnumerable<SpendableLot>> SpendableLots =
        EF.CompileAsyncQuery((LedgerDbContext db, Guid residentId, DateOnly today) =>
            from l in db.Lots
            join p in db.Programs on l.ProgramId equals p.Id
            where l.ResidentId == residentId && l.Remaining > 0 && l.ExpiresOn >= today
            select new SpendableLot(l.Id, l.ProgramId, p.Code, l.Kind, l.ExpiresOn, l.Remaining, l.CreatedAt));

    public static readonly Func<LedgerDbContext, string, string, Task<IdempotencyRecord?>> IdempotencyRecord =
        EF.CompileAsyncQuery((LedgerDbContext db, string scope, string key) =>
            db.IdempotencyRecords.AsNoTracking().FirstOrDefault(r => r.Scope == scope && r.Key == key));
}

internal sealed record MerchantPayee(MerchantSize Size, bool Suspended);
