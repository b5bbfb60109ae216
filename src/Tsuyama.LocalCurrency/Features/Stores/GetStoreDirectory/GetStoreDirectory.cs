using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Stores.GetStoreDirectory;

/// <summary>
/// 使えるお店: every shop, in kana order, optionally filtered by <see cref="Search"/> — part of the
/// name, part of the reading (hiragana or katakana, full or half width) or the first digits of the
/// store number.
/// </summary>
public sealed record GetStoreDirectoryQuery(string? Search, int Page = 1, int PageSize = 20) : IQuery<StorePage>;

/// <param name="Page">1-based.</param>
/// <param name="Total">Shops matching the search, on all pages.</param>
public sealed record StorePage(IReadOnlyList<StoreView> Items, int Page, int PageSize, int Total);

internal sealed class GetStoreDirectoryValidator : IValidator<GetStoreDirectoryQuery>
{
    public const int MaxPageSize = 100;

    public void Validate(GetStoreDirectoryQuery r, ValidationErrors e)
    {
        e.Require(r.Page >= 1, "page", "must be 1 or more");
        e.Require(r.PageSize is >= 1 and <= MaxPageSize, "pageSize", $"must be from 1 to {MaxPageSize}");
        e.Require(r.Search is null || r.Search.Length <= 100, "q", "must be at most 100 characters");
    }
}

internal sealed class GetStoreDirectoryHandler(LedgerDbContext db) : IRequestHandler<GetStoreDirectoryQuery, Result<StorePage>>
{
    public async Task<Result<StorePage>> Handle(GetStoreDirectoryQuery query, CancellationToken ct)
    {
        var shops = db.Merchants.AsNoTracking();
        var term = (query.Search ?? "").Normalize(NormalizationForm.FormKC).Trim();
        if (term.Length > 0)
        {
            var kana = ToKatakana(term);
            var digits = Domain.StoreNumber.Normalize(term);
            shops = Domain.StoreNumber.IsDigitsPrefix(digits)
                ? shops.Where(m => m.Name.Contains(term) || m.StoreNumber!.StartsWith(digits))
                : shops.Where(m => m.Name.Contains(term) || m.NameKana.Contains(kana) || m.NameRomaji.Contains(term));
        }

        var total = await shops.CountAsync(ct).ConfigureAwait(false);
        var rows = await shops.OrderBy(m => m.NameKana).ThenBy(m => m.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(m => new { m.Id, m.StoreNumber, m.Name, m.NameKana, m.Category, m.Size })
            .ToListAsync(ct).ConfigureAwait(false);
        return new StorePage(rows.Select(m => StoreView.Of(m.Id, m.StoreNumber, m.Name, m.NameKana, m.Category, m.Size)).ToList(),
            query.Page, query.PageSize, total);
    }

    /// <summary>Readings are stored in katakana; residents often type hiragana.</summary>
    private static string ToKatakana(string text) =>
        new(text.Select(c => c is >= '\u3041' and <= '\u3096' ? (char)(c + 0x60) : c).ToArray());
}
