using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Expiry.GetNotifications;
using Tsuyama.LocalCurrency.Features.Wallets.GetWallet;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Pages.Wallet;

/// <summary>The resident's home: total, each program and kind with its last day, and the expiry reminders.</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PageModel
{
    public Features.Wallets.GetWallet.Wallet? Wallet { get; private set; }

    public IReadOnlyList<NotificationView> Reminders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var resident = User.ResidentId();
        var wallet = await mediator.Send(new GetWalletQuery(resident), ct);
        Wallet = wallet.IsSuccess ? wallet.Value : null;
        var today = JapanTime.Today(clock);
        var notifications = await mediator.Send(new GetNotificationsQuery(resident), ct);
        // A reminder matters while its points can still be spent; the nearest expiry first.
        Reminders = notifications.IsSuccess
            ? notifications.Value.Where(n => n.ExpiresOn >= today).OrderBy(n => n.ExpiresOn).ToList()
            : [];
    }
}
