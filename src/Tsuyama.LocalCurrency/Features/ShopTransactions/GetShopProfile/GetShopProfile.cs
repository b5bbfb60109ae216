using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopProfile;

/// <summary>The signed-in shop's own name and 店舗番号, for the head of its pages and its store QR sticker.</summary>
public sealed record GetShopProfileQuery(Guid MerchantId) : IQuery<ShopProfile>;

public sealed record ShopProfile(Guid MerchantId, string Name, string? StoreNumber);

internal sealed class GetShopProfileHandler(LedgerDbContext db) : IRequestHandler<GetShopProfileQuery, Result<ShopProfile>>
{
    public async Task<Result<ShopProfile>> Handle(GetShopProfileQuery query, CancellationToken ct)
    {
        var shop = await db.Merchants.AsNoTracking().Where(m => m.Id == query.MerchantId)
            .Select(m => new ShopProfile(m.Id, m.Name, m.StoreNumber)).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return shop is null ? Error.NotFound("Merchant", query.MerchantId) : shop;
    }
}
