using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;

namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>
/// The reads every payment makes, compiled once: EF then skips parameter extraction and query-cache
/// lookup, which cost more than the SQLite statements themselves. A compiled query is bound to the model
/// it first ran with, so there is one set per model (a process may hold two providers' models: the tests do).
/// </summary>
internal static class PaymentPathQueries
{
    private static readonly ConditionalWeakTable<IModel, Compiled> ByModel = [];

    /// <summary>The payee's size (which points it takes) and whether the city suspended it; null when there is no such merchant.</summary>
    public static Task<MerchantPayee?> MerchantPayee(LedgerDbContext db, Guid id) => For(db).MerchantPayee(db, id);

    public static IAsyncEnumerable<SpendableLot> SpendableLots(LedgerDbContext db, Guid residentId, DateOnly today) =>
        For(db).SpendableLots(db, residentId, today);

    public static Task<IdempotencyRecord?> IdempotencyRecord(LedgerDbContext db, string scope, string key) => For(db).IdempotencyRecord(db, scope, key);

    private static Compiled For(LedgerDbContext db) => ByModel.GetValue(db.Model, _ => new Compiled());

    private sealed class Compiled
    {
        public readonly Func<LedgerDbContext, Guid, Task<MerchantPayee?>> MerchantPayee =
            EF.CompileAsyncQuery((LedgerDbContext db, Guid id) =>
                db.Merchants.Where(m => m.Id == id).Select(m => new MerchantPayee(m.Size, m.SuspendedAt != null)).FirstOrDefault());

        public readonly Func<LedgerDbContext, Guid, DateOnly, IAsyncEnumerable<SpendableLot>> SpendableLots =
            EF.CompileAsyncQuery(LotRules.Inline<Func<LedgerDbContext, Guid, DateOnly, IQueryable<SpendableLot>>>((db, residentId, today) =>
                from l in db.Lots
                join p in db.Programs on l.ProgramId equals p.Id
                where l.ResidentId == residentId && LotRules.IsSpendable(l.Remaining, l.ExpiresOn, today)
                select new SpendableLot(l.Id, l.ProgramId, p.Code, l.Kind, l.ExpiresOn, l.Remaining, l.CreatedAt)));

        public readonly Func<LedgerDbContext, string, string, Task<IdempotencyRecord?>> IdempotencyRecord =
            EF.CompileAsyncQuery((LedgerDbContext db, string scope, string key) =>
                db.IdempotencyRecords.AsNoTracking().FirstOrDefault(r => r.Scope == scope && r.Key == key));
    }
}

internal sealed record MerchantPayee(MerchantSize Size, bool Suspended);
