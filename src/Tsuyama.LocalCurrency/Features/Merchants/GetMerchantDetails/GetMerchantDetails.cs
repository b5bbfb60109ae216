using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Merchants.GetMerchantDetails;

/// <summary>Everything the city office keeps about one shop, payout account included (Admin only).</summary>
public sealed record GetMerchantDetailsQuery(Guid MerchantId) : IQuery<MerchantDetails>;

public sealed record MerchantDetails(Guid MerchantId, string? StoreNumber, string Name, string NameKana, string NameRomaji, string Category,
    MerchantSize Size, string PostalCode, string OwnerEmail, PayoutAccount Payout, DateTime CreatedAt, DateTime? SuspendedAt);

internal sealed class GetMerchantDetailsHandler(LedgerDbContext db, ICurrentActor actor) : IRequestHandler<GetMerchantDetailsQuery, Result<MerchantDetails>>
{
    public async Task<Result<MerchantDetails>> Handle(GetMerchantDetailsQuery query, CancellationToken ct)
    {
        if (CityDesk.AdminOnly(actor, "see a shop's details") is { } denied)
        {
            return denied;
        }

        var m = await db.Merchants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.MerchantId, ct).ConfigureAwait(false);
        return m is null
            ? Error.NotFound("Merchant", query.MerchantId)
            : new MerchantDetails(m.Id, m.StoreNumber, m.Name, m.NameKana, m.NameRomaji, m.Category, m.Size, m.PostalCode, m.OwnerEmail, m.Payout,
                m.CreatedAt, m.SuspendedAt);
    }
}
