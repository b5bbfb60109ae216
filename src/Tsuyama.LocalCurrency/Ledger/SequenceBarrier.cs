using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Ledger;

/// <summary>
/// On PostgreSQL a transfer's sequence number is drawn when its row is inserted, but rows become visible
/// when their transactions commit, in any order: with several writers (hosts, or one host's parallel
/// requests) the sealer could see 101 committed while 100 was still in flight, seal past it, and the
/// block would then hold a row it never hashed (verify reports it as tampering for good). So every
/// transaction that inserts transfers holds a shared advisory lock from before its insert until it ends,
/// and the sealer takes the same lock exclusively for a moment: once it has it, every sequence drawn so
/// far is committed or rolled back, and any drawn later is higher than the largest it then reads.
/// </summary>
internal static class SequenceBarrier
{
    // Any fixed number: PostgreSQL's advisory locks are named by a 64-bit key (this one is "TLC SEQ\0" in ASCII).
    private const string Key = "6074303803531022592";

    /// <summary>Called before a transaction's first transfer insert; released when the transaction ends.</summary>
    public static async Task EnterWriterAsync(LedgerDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock_shared(" + Key + ")", ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The highest sequence below which no transfer can still appear, or null where writers are serialised
    /// otherwise (SQLite) or another check applies (SQL Server). Must run in a READ COMMITTED transaction, so
    /// the read after the wait sees everything committed before it.
    /// </summary>
    public static async Task<long?> LastSettledSequenceAsync(LedgerDbContext db, long after, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return null;
        }

        // A session lock, released at once: writers wait only while the ones already in flight finish.
        // Should anything below fail, the pool's reset of the connection (DISCARD ALL) releases it.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(" + Key + ")", ct).ConfigureAwait(false);
        try
        {
            return await db.Database.SqlQueryRaw<long?>("""SELECT MAX("Sequence") AS "Value" FROM "Transfers" """)
                .SingleAsync(ct).ConfigureAwait(false) ?? after;
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(" + Key + ")", CancellationToken.None).ConfigureAwait(false);
        }
    }
}
