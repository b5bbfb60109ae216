using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Features.Merchants.GetMerchantQr;

public enum QrImageFormat
{
    Png,
    Svg,
    Payload,
    Sticker,
}

/// <summary>The shop's printed (static) code, as an image, its text, or an A6 sticker page.</summary>
public sealed record GetMerchantQrQuery(Guid MerchantId, QrImageFormat Format) : IQuery<MerchantQrCode>;

public sealed record MerchantQrCode(string Payload, string ContentType, byte[] Content);

internal sealed class GetMerchantQrHandler(LedgerDbContext db) : IRequestHandler<GetMerchantQrQuery, Result<MerchantQrCode>>
{
    public async Task<Result<MerchantQrCode>> Handle(GetMerchantQrQuery query, CancellationToken ct)
    {
        var merchant = await MerchantQrInfoQuery.ForAsync(db, query.MerchantId, ct).ConfigureAwait(false);
        if (merchant is null)
        {
            return Error.NotFound("Merchant", query.MerchantId);
        }

        var payload = MerchantQrBuilder.BuildStoreCode(merchant);
        if (query.Format == QrImageFormat.Sticker)
        {
            var number = await db.Merchants.Where(m => m.Id == query.MerchantId).Select(m => m.StoreNumber).FirstAsync(ct).ConfigureAwait(false);
            var sticker = StoreStickerPage.Render(merchant, storeNumber: number);
            return new MerchantQrCode(payload, "text/html; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(sticker));
        }

        return query.Format switch
        {
            QrImageFormat.Png => new MerchantQrCode(payload, "image/png", QrImageRenderer.RenderPng(payload)),
            QrImageFormat.Svg => new MerchantQrCode(payload, "image/svg+xml", System.Text.Encoding.UTF8.GetBytes(QrImageRenderer.RenderSvg(payload))),
            _ => new MerchantQrCode(payload, "application/json", []),
        };
    }
}
