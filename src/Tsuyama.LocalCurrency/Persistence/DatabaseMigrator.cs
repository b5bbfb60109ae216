using Microsoft.EntityFrameworkCore;

namespace Tsuyama.LocalCurrency.Persistence;

public static class DatabaseMigrator
{
    /// <summary>Applies pending migrations; returns the ones it applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(LedgerDbContext db, CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        }

        return pending;
    }
}
