using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Stores.GetStoreByNumber;

/// <summary>The shop a typed 店舗番号 belongs to (full-width digits, spaces and hyphens are accepted).</summary>
public sealed record GetStoreByNumberQuery(string StoreNumber) : IQuery<StoreView>;

internal sealed class GetStoreByNumberValidator : IValidator<GetStoreByNumberQuery>
{
    public void Validate(GetStoreByNumberQuery r, ValidationErrors e) =>
        e.Require(Domain.StoreNumber.IsWellFormed(Domain.StoreNumber.Normalize(r.StoreNumber)), "storeNumber",
            "must be the 6-digit store number printed under the shop's QR code (check for a typo)");
}

internal sealed class GetStoreByNumberHandler(LedgerDbContext db) : IRequestHandler<GetStoreByNumberQuery, Result<StoreView>>
{
    public async Task<Result<StoreView>> Handle(GetStoreByNumberQuery query, CancellationToken ct)
    {
        var number = Domain.StoreNumber.Normalize(query.StoreNumber);
        var store = await StoreView.FirstAsync(db.Merchants.Where(x => x.StoreNumber == number), ct).ConfigureAwait(false);
        return store is null ? Error.NotFound("Store number", number) : store;
    }
}
