using MediatR;
using Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopDay;
using Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopProfile;

namespace Tsuyama.LocalCurrency.Web.Pages.Shop;

/// <summary>
/// The till's receive screen: today's total and count, the latest payment in large type, and every
/// new payment (store QR, a request, a charged code) arriving live over /api/v1/merchant/events.
/// </summary>
public sealed class IndexModel(IMediator mediator) : ShopPage
{
    public ShopProfile? Profile { get; private set; }
    public ShopDay? Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Profile = (await mediator.Send(new GetShopProfileQuery(MerchantId), ct)).Value;
        Today = (await mediator.Send(new GetShopDayQuery(MerchantId), ct)).Value;
    }
}
