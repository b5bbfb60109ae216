using MediatR;
using Microsoft.AspNetCore.Mvc;
using Tsuyama.LocalCurrency.Features.Merchants.GetMerchantQr;
using Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopProfile;

namespace Tsuyama.LocalCurrency.Web.Pages.Shop;

/// <summary>
/// The shop's fixed store QR with its 店舗番号 under it; <c>?print=1</c> is the A6 sticker
/// (the site's print style hides everything else), so it keeps the strict CSP.
/// </summary>
public sealed class StoreModel(IMediator mediator) : ShopPage
{
    [FromQuery(Name = "print")] public bool Print { get; set; }

    public ShopProfile? Profile { get; private set; }
    public string? QrDataUri { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var profile = await mediator.Send(new GetShopProfileQuery(MerchantId), ct);
        var qr = await mediator.Send(new GetMerchantQrQuery(MerchantId, QrImageFormat.Png), ct);
        if (!profile.IsSuccess || !qr.IsSuccess)
        {
            return NotFound();
        }

        Profile = profile.Value;
        QrDataUri = $"data:image/png;base64,{Convert.ToBase64String(qr.Value.Content)}";
        return Page();
    }
}
