using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Stores;

/// <summary>Draws store numbers nobody holds; the unique index settles a race between two registrations.</summary>
internal static class StoreNumberAllocator
{
    public static async Task<string> NextAsync(LedgerDbContext db, ISet<string>? alsoTaken, CancellationToken ct)
    {
        // 90,000 numbers for a city of a few thousand shops: a free one is found in a draw or two.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var candidate = StoreNumber.Generate();
            if (alsoTaken?.Contains(candidate) != true
                && !await db.Merchants.AnyAsync(m => m.StoreNumber == candidate, ct).ConfigureAwait(false))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No free store number found; the number space is nearly full.");
    }

    /// <summary>Gives a number to every shop registered before store numbers existed.</summary>
    public static async Task<int> AssignMissingAsync(LedgerDbContext db, CancellationToken ct)
    {
        var missing = await db.Merchants.Where(m => m.StoreNumber == null).ToListAsync(ct).ConfigureAwait(false);
        var drawn = new HashSet<string>(StringComparer.Ordinal);
        foreach (var merchant in missing)
        {
            merchant.StoreNumber = await NextAsync(db, drawn, ct).ConfigureAwait(false);
            drawn.Add(merchant.StoreNumber);
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return missing.Count;
    }
}
