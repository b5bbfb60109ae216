using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Integrity.Verify;

/// <summary>
/// A read-only transaction that sees one committed state while writers go on: a deferred
/// transaction on SQLite (WAL gives it a snapshot), snapshot isolation on SQL Server.
/// </summary>
internal sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly LedgerDbContext _db;
    private readonly IDbContextTransaction _transaction;

    private ReadSnapshot(LedgerDbContext db, IDbContextTransaction transaction)
    {
        _db = db;
        _transaction = transaction;
    }

    public static async Task<ReadSnapshot> BeginAsync(LedgerDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var transaction = connection.BeginTransaction(deferred: true);
            return new ReadSnapshot(db, await db.Database.UseTransactionAsync(transaction, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException("Could not enlist the snapshot transaction."));
        }

        return new ReadSnapshot(db, await db.Database.BeginTransactionAsync(IsolationLevel.Snapshot, ct).ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync().ConfigureAwait(false);
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _db.Database.CloseConnectionAsync().ConfigureAwait(false);
    }
}
