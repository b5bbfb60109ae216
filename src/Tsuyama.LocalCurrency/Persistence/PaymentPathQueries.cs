using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;

namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>
/// The reads every payment makes, each written once as LINQ. On the group writer they run as SQL that EF generated from
/// that LINQ, prepared once (<see cref="WriterStatements"/>); everywhere else as EF compiled queries, which skip
/// parameter extraction and query-cache lookup. Compiled queries and generated SQL are bound to the model they were
/// made with, so there is one set per model (a process may hold two providers' models: the tests do).
/// </summary>
internal static class PaymentPathQueries
{
    private static readonly ConditionalWeakTable<IModel, Compiled> ByModel = [];
    private static readonly UtcDateTimeConverter Utc = new();

    private static readonly Expression<Func<LedgerDbContext, Guid, IQueryable<MerchantPayee>>> Payee = (db, id) =>
        db.Merchants.Where(m => m.Id == id).Select(m => new MerchantPayee(m.Size, m.SuspendedAt != null));

    private static readonly Expression<Func<LedgerDbContext, Guid, DateOnly, IQueryable<SpendableLot>>> Lots =
        LotRules.Inline<Func<LedgerDbContext, Guid, DateOnly, IQueryable<SpendableLot>>>((db, residentId, today) =>
            from l in db.Lots
            join p in db.Programs on l.ProgramId equals p.Id
            where l.ResidentId == residentId && LotRules.IsSpendable(l.Remaining, l.ExpiresOn, today)
            select new SpendableLot(l.Id, l.ProgramId, p.Code, l.Kind, l.ExpiresOn, l.Remaining, l.CreatedAt));

    private static readonly Expression<Func<LedgerDbContext, string, string, IQueryable<IdempotencyRecord>>> Record = (db, scope, key) =>
        db.IdempotencyRecords.AsNoTracking().Where(r => r.Scope == scope && r.Key == key);

    /// <summary>The payee's size (which points it takes) and whether the city suspended it; null when there is no such merchant.</summary>
    public static async Task<MerchantPayee?> MerchantPayee(LedgerDbContext db, Guid id)
    {
        if (WriterStatements.On(db) is not { } writer)
        {
            return await For(db).MerchantPayee(db, id).ConfigureAwait(false);
        }

        var rows = await writer.ReadAsync(db, For(db).PayeeSql(db), [id],
            r => new MerchantPayee((MerchantSize)r.GetInt32(0), r.GetBoolean(1))).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public static async Task<List<SpendableLot>> SpendableLotsAsync(LedgerDbContext db, Guid residentId, DateOnly today, CancellationToken ct)
    {
        if (WriterStatements.On(db) is { } writer)
        {
            return await writer.ReadAsync(db, For(db).LotsSql(db), [residentId, today], ReadLot, ct).ConfigureAwait(false);
        }

        var lots = new List<SpendableLot>();
        await foreach (var lot in For(db).SpendableLots(db, residentId, today).WithCancellation(ct).ConfigureAwait(false))
        {
            lots.Add(lot);
        }

        return lots;
    }

    public static async Task<IdempotencyRecord?> IdempotencyRecord(LedgerDbContext db, string scope, string key)
    {
        if (WriterStatements.On(db) is not { } writer)
        {
            return await For(db).IdempotencyRecord(db, scope, key).ConfigureAwait(false);
        }

        var rows = await writer.ReadAsync(db, For(db).RecordSql(db), [scope, key], ReadRecord).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private static Compiled For(LedgerDbContext db) => ByModel.GetValue(db.Model, _ => new Compiled());

    /// <summary>Columns in the order of the projection in <see cref="Lots"/> (EF selects them in that order).</summary>
    private static SpendableLot ReadLot(SqliteDataReader r) => new(r.GetGuid(0), r.GetGuid(1), r.GetString(2), (PointKind)r.GetInt32(3),
        r.GetFieldValue<DateOnly>(4), r.GetInt64(5), (DateTime)Utc.ConvertFromProvider(r.GetDateTime(6))!);

    private static IdempotencyRecord ReadRecord(SqliteDataReader r) => new()
    {
        Scope = r.GetString(r.GetOrdinal(nameof(Domain.IdempotencyRecord.Scope))),
        Key = r.GetString(r.GetOrdinal(nameof(Domain.IdempotencyRecord.Key))),
        RequestName = r.GetString(r.GetOrdinal(nameof(Domain.IdempotencyRecord.RequestName))),
        RequestHash = r.GetString(r.GetOrdinal(nameof(Domain.IdempotencyRecord.RequestHash))),
        Succeeded = r.GetBoolean(r.GetOrdinal(nameof(Domain.IdempotencyRecord.Succeeded))),
        OutcomeJson = r.GetString(r.GetOrdinal(nameof(Domain.IdempotencyRecord.OutcomeJson))),
        CreatedAt = (DateTime)Utc.ConvertFromProvider(r.GetDateTime(r.GetOrdinal(nameof(Domain.IdempotencyRecord.CreatedAt))))!,
    };

    private static Expression<Func<TContext, T1, TResult?>> FirstOrDefault<TContext, T1, TResult>(
        Expression<Func<TContext, T1, IQueryable<TResult>>> query) =>
        Expression.Lambda<Func<TContext, T1, TResult?>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(TResult)], query.Body), query.Parameters);

    private static Expression<Func<TContext, T1, T2, TResult?>> FirstOrDefault<TContext, T1, T2, TResult>(
        Expression<Func<TContext, T1, T2, IQueryable<TResult>>> query) =>
        Expression.Lambda<Func<TContext, T1, T2, TResult?>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(TResult)], query.Body), query.Parameters);

    private sealed class Compiled
    {
        private static readonly Guid SampleId = new("5e171e11-0000-4000-8000-000000000001");
        private static readonly DateOnly SampleDay = new(2001, 2, 3);

        private readonly Func<LedgerDbContext, Guid, IQueryable<MerchantPayee>> _payee = Payee.Compile();
        private readonly Func<LedgerDbContext, Guid, DateOnly, IQueryable<SpendableLot>> _lots = Lots.Compile();
        private readonly Func<LedgerDbContext, string, string, IQueryable<IdempotencyRecord>> _record = Record.Compile();
        private WriterQuery? _payeeSql;
        private WriterQuery? _lotsSql;
        private WriterQuery? _recordSql;

        public readonly Func<LedgerDbContext, Guid, Task<MerchantPayee?>> MerchantPayee = EF.CompileAsyncQuery(FirstOrDefault(Payee));

        public readonly Func<LedgerDbContext, Guid, DateOnly, IAsyncEnumerable<SpendableLot>> SpendableLots = EF.CompileAsyncQuery(Lots);

        public readonly Func<LedgerDbContext, string, string, Task<IdempotencyRecord?>> IdempotencyRecord = EF.CompileAsyncQuery(FirstOrDefault(Record));

        // Made on first use by whichever context gets there; a race makes the same SQL twice, which is harmless. No Take(1):
        // both are read by their primary key, and a LIMIT would be one more parameter.
        public WriterQuery PayeeSql(LedgerDbContext db) => _payeeSql ??= WriterQuery.From(_payee(db, SampleId), SampleId);

        public WriterQuery LotsSql(LedgerDbContext db) => _lotsSql ??= WriterQuery.From(_lots(db, SampleId, SampleDay), SampleId, SampleDay);

        public WriterQuery RecordSql(LedgerDbContext db) =>
            _recordSql ??= WriterQuery.From(_record(db, "\u0001scope", "\u0001key"), "\u0001scope", "\u0001key");
    }
}

internal sealed record MerchantPayee(MerchantSize Size, bool Suspended);
