using Microsoft.EntityFrameworkCore;

namespace Tsuyama.LocalCurrency.Persistence;

public static class DatabaseMigrator
{
    /// <summary>Applies pending migrations (and the data they need); returns the ones it applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(LedgerDbContext db, CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
            // Random numbers cannot be drawn in a migration's SQL, so shops that predate them get theirs here.
            await Features.Stores.StoreNumberAllocator.AssignMissingAsync(db, ct).ConfigureAwait(false);
        }

        return pending;
    }
}
