using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Payments.PayByQr;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Features.Stores.GetStoreByQr;

/// <summary>
/// The shop a scanned QR code points to, named as the city registered it: the name printed inside a
/// QR code could be anyone's, so the keypad shows the registered name of the merchant id it carries.
/// </summary>
public sealed record GetStoreByQrQuery(string Payload) : IQuery<StoreView>;

internal sealed class GetStoreByQrHandler(LedgerDbContext db) : IRequestHandler<GetStoreByQrQuery, Result<StoreView>>
{
    public async Task<Result<StoreView>> Handle(GetStoreByQrQuery query, CancellationToken ct)
    {
        if (!MerchantQrDecoder.TryDecode(query.Payload, out var qr, out var error))
        {
            return QrProblems.Invalid(error!);
        }

        var store = await StoreView.FirstAsync(db.Merchants.Where(x => x.Id == qr!.MerchantId), ct).ConfigureAwait(false);
        return store is null ? QrProblems.UnknownShop() : store;
    }
}
