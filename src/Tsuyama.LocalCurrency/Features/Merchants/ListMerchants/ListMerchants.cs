using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Merchants.ListMerchants;

/// <summary>The city's shops, newest first; <paramref name="Search"/> matches a part of the name, kana, owner e-mail or the store number.</summary>
public sealed record ListMerchantsQuery(string? Search, int Take = 200) : IQuery<IReadOnlyList<MerchantSummary>>;

public sealed record MerchantSummary(Guid MerchantId, string? StoreNumber, string Name, string NameKana, string Category, MerchantSize Size,
    string OwnerEmail, bool Suspended);

internal sealed class ListMerchantsValidator : IValidator<ListMerchantsQuery>
{
    public void Validate(ListMerchantsQuery r, ValidationErrors e)
    {
        e.Require(r.Search is not { Length: > 100 }, "search", "must be at most 100 characters");
        e.Require(r.Take is >= 1 and <= 500, "take", "must be from 1 to 500");
    }
}

internal sealed class ListMerchantsHandler(LedgerDbContext db, ICurrentActor actor)
    : IRequestHandler<ListMerchantsQuery, Result<IReadOnlyList<MerchantSummary>>>
{
    public async Task<Result<IReadOnlyList<MerchantSummary>>> Handle(ListMerchantsQuery query, CancellationToken ct)
    {
        if (CityDesk.AdminOnly(actor, "list shops") is { } denied)
        {
            return denied;
        }

        var shops = db.Merchants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            shops = shops.Where(m => m.Name.Contains(term) || m.NameKana.Contains(term) || m.OwnerEmail.Contains(term) || m.StoreNumber == term);
        }

        var list = await shops.OrderByDescending(m => m.CreatedAt).Take(query.Take)
            .Select(m => new MerchantSummary(m.Id, m.StoreNumber, m.Name, m.NameKana, m.Category, m.Size, m.OwnerEmail, m.SuspendedAt != null))
            .ToListAsync(ct).ConfigureAwait(false);
        return list;
    }
}
