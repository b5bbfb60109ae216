using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;

namespace Tsuyama.LocalCurrency.Features.Stores;

/// <summary>
/// What anyone may know about a shop (no owner, address or bank details): the directory entry and
/// the answer to a typed store number.
/// </summary>
/// <param name="Category">The MCC; <paramref name="CategoryJa"/>/<paramref name="CategoryEn"/> name it.</param>
/// <param name="AcceptsSmallBusiness">Whether 専用券 (smallBusiness points) can be spent here.</param>
public sealed record StoreView(Guid MerchantId, string StoreNumber, string Name, string NameKana, string Category,
    string CategoryJa, string CategoryEn, MerchantSize Size, bool AcceptsSmallBusiness)
{
    internal static StoreView Of(Guid id, string? storeNumber, string name, string kana, string category, MerchantSize size)
    {
        var label = StoreCategories.Of(category);
        return new StoreView(id, storeNumber ?? "", name, kana, category, label.Ja, label.En, size,
            SpendPlanner.Accepts(size, PointKind.SmallBusiness));
    }

    /// <summary>The first of <paramref name="merchants"/> as a directory entry, or null when there is none.</summary>
    internal static async Task<StoreView?> FirstAsync(IQueryable<Merchant> merchants, CancellationToken ct)
    {
        var m = await merchants.AsNoTracking()
            .Select(x => new { x.Id, x.StoreNumber, x.Name, x.NameKana, x.Category, x.Size })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return m is null ? null : Of(m.Id, m.StoreNumber, m.Name, m.NameKana, m.Category, m.Size);
    }
}
