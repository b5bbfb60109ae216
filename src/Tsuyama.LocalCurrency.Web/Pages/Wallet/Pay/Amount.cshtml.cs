using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Stores;
using Tsuyama.LocalCurrency.Features.Stores.GetStoreByNumber;
using Tsuyama.LocalCurrency.Features.Stores.GetStoreByQr;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Wallet.Pay;

/// <summary>Step 2: the amount on a big keypad (a plain text field without JavaScript). The quote decides whether it can be paid.</summary>
public sealed class AmountModel(IMediator mediator, SiteText text) : PageModel
{
    [FromQuery] public PayTarget Target { get; set; } = new();
    [FromQuery(Name = "amount")] public string? Amount { get; set; }

    public StoreView? Store { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Target.IsEmpty)
        {
            return RedirectToPage("Index");
        }

        if (!string.IsNullOrWhiteSpace(Target.Store))
        {
            var store = await mediator.Send(new GetStoreByNumberQuery(Target.Store), ct);
            if (!store.IsSuccess)
            {
                return RedirectToPage("Index", new { store = Target.Store });
            }

            Store = store.Value;
        }
        else
        {
            // A scanned code: name the registered shop it points to. A code that names no shop keeps the
            // plain line; the quote below (or the confirm step) says why it cannot be paid.
            var store = await mediator.Send(new GetStoreByQrQuery(Target.Qr!), ct);
            Store = store.IsSuccess ? store.Value : null;
        }

        if (Amount is null)
        {
            return Page();
        }

        var amount = PayTarget.ParseAmount(Amount);
        var quote = await mediator.Send(Target.Quote(User.ResidentId(), amount), ct);
        if (quote.IsSuccess)
        {
            return RedirectToPage("Confirm", Target.Route(amount));
        }

        if (amount is null or < 0)
        {
            ModelState.AddModelError(nameof(Amount), text.FieldMessage("amount"));
        }
        else
        {
            text.AddTo(ModelState, quote.Error, new Dictionary<string, string> { ["amount"] = nameof(Amount) });
        }

        return Page();
    }
}
