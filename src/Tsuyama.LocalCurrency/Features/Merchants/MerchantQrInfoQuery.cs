using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Features.Merchants;

internal static class MerchantQrInfoQuery
{
    public static Task<MerchantQrInfo?> ForAsync(LedgerDbContext db, Guid merchantId, CancellationToken ct) =>
        db.Merchants.Where(m => m.Id == merchantId)
            .Select(m => new MerchantQrInfo(m.Id, m.NameRomaji, m.Name, m.Category, m.PostalCode))
            .FirstOrDefaultAsync(ct);
}
