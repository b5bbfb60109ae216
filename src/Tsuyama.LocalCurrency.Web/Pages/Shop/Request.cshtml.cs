using MediatR;
using Microsoft.AspNetCore.Mvc;
using Tsuyama.LocalCurrency.Features.PaymentRequests.CreatePaymentRequest;
using Tsuyama.LocalCurrency.Qr;
using Tsuyama.LocalCurrency.Web.Pages.Wallet.Pay;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Shop;

/// <summary>
/// A payment request: the amount on the keypad, then a QR with the amount in it and a countdown; the
/// page listens to the request's event stream and flips to 支払い済み when the resident pays.
/// </summary>
public sealed class RequestModel(IMediator mediator, SiteText text, TimeProvider clock) : ShopPage
{
    [BindProperty] public string? Amount { get; set; }

    public PaymentRequestCreated? Created { get; private set; }
    public long CreatedAmount { get; private set; }

    public int SecondsLeft => Created is null ? 0 : (int)Math.Max(0, (Created.ExpiresAt - clock.GetUtcNow()).TotalSeconds);

    public string? QrDataUri => Created is null ? null : $"data:image/png;base64,{Convert.ToBase64String(QrImageRenderer.RenderPng(Created.Payload, 8))}";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var amount = PayTarget.ParseAmount(Amount);
        if (amount is null or <= 0)
        {
            ModelState.AddModelError(nameof(Amount), text.FieldMessage("amount"));
            return Page();
        }

        var created = await mediator.Send(new CreatePaymentRequestCommand(MerchantId, amount.Value), ct);
        if (!created.IsSuccess)
        {
            text.AddTo(ModelState, created.Error, new Dictionary<string, string> { ["amount"] = nameof(Amount) });
            return Page();
        }

        Created = created.Value;
        CreatedAmount = amount.Value;
        return Page();
    }
}
