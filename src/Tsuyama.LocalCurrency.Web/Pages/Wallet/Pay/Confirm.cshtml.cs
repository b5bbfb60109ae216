using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.PayByQr;
using Tsuyama.LocalCurrency.Features.Payments.PayByStoreNumber;
using Tsuyama.LocalCurrency.Features.Payments.QuotePayment;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Wallet.Pay;

/// <summary>
/// Step 3: the quote (store, amount, which points go) and one button. The form carries one
/// idempotency key, so a double tap or a resubmitted page pays once; a refusal changes nothing.
/// </summary>
public sealed class ConfirmModel(IMediator mediator, SiteText text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "store")] public string? Store { get; set; }
    [BindProperty(SupportsGet = true, Name = "qr")] public string? Qr { get; set; }
    [BindProperty(SupportsGet = true, Name = "amount")] public long? Amount { get; set; }
    [BindProperty] public string? IdempotencyKey { get; set; }

    public PaymentQuote? Quote { get; private set; }

    private PayTarget Target => new() { Store = Store, Qr = Qr };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Target.IsEmpty)
        {
            return RedirectToPage("Index");
        }

        await QuoteAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Target.IsEmpty)
        {
            return RedirectToPage("Index");
        }

        // Read before paying: a refusal shows the quote again (a replayed double tap may no longer quote).
        var before = await mediator.Send(Target.Quote(User.ResidentId(), Target.IsDynamicQr ? null : Amount), ct);
        var resident = User.ResidentId();
        var scope = User.Scope();
        Result<PaymentMade> paid = !string.IsNullOrWhiteSpace(Qr)
            ? await mediator.Send(new PayByQrCommand(resident, Qr, Target.IsDynamicQr ? null : Amount, scope, IdempotencyKey), ct)
            : await mediator.Send(new PayByStoreNumberCommand(resident, Store!, Amount ?? 0, scope, IdempotencyKey), ct);
        if (!paid.IsSuccess)
        {
            text.AddTo(ModelState, paid.Error);
            Quote = before.IsSuccess ? before.Value : null;
            return Page();
        }

        // 303 to the payment's own completion page: a reload or Back never posts the form again.
        Response.Headers.Location = Url.Page("Done", new { id = paid.Value.PaymentId });
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task QuoteAsync(CancellationToken ct)
    {
        var quote = await mediator.Send(Target.Quote(User.ResidentId(), Target.IsDynamicQr ? null : Amount), ct);
        if (quote.IsSuccess)
        {
            Quote = quote.Value;
        }
        else
        {
            text.AddTo(ModelState, quote.Error);
        }
    }
}
