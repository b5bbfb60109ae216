using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Stores.GetStoreByNumber;
using Tsuyama.LocalCurrency.Qr;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Wallet.Pay;

/// <summary>Step 1: which shop — the store number from the sticker, or the camera (which comes back here with ?qr=).</summary>
public sealed class IndexModel(IMediator mediator, SiteText text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "store")] public string? Store { get; set; }
    [FromQuery(Name = "qr")] public string? Qr { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Qr))
        {
            if (!MerchantQrDecoder.TryDecode(Qr, out var qr, out _))
            {
                ModelState.AddModelError("", text["Problem.invalid-qr"]);
                return Page();
            }

            return RedirectToPage(qr!.IsDynamic ? "Confirm" : "Amount", new { qr = Qr });
        }

        if (Store is null)
        {
            return Page();
        }

        var store = await mediator.Send(new GetStoreByNumberQuery(Store), ct);
        if (!store.IsSuccess)
        {
            ModelState.AddModelError(nameof(Store), store.Error.Type == ProblemTypes.NotFound ? text["Pay.StoreUnknown"] : text.FieldMessage("storeNumber"));
            return Page();
        }

        return RedirectToPage("Amount", new { store = store.Value.StoreNumber });
    }
}
