using MediatR;
using Microsoft.AspNetCore.Mvc;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopPayment;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Pages.Wallet.Pay;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Shop;

/// <summary>
/// One payment the shop received, and (for the owner) a refund of all or part of what is left.
/// A clerk sees no refund form; a clerk's refund posted anyway is refused by RefundPayment → 403 page.
/// </summary>
public sealed class PaymentModel(IMediator mediator, SiteText text) : ShopPage
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public string? RefundAmount { get; set; }
    [BindProperty] public string? IdempotencyKey { get; set; }
    [FromQuery(Name = "refunded")] public long? Refunded { get; set; }

    public ShopPaymentDetail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var amount = PayTarget.ParseAmount(RefundAmount);
        if (amount is null or <= 0)
        {
            ModelState.AddModelError(nameof(RefundAmount), text.FieldMessage("amount"));
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        var refund = await mediator.Send(new RefundPaymentCommand(MerchantId, Id, amount.Value, User.Scope(), IdempotencyKey), ct);
        if (!refund.IsSuccess)
        {
            if (IsForbidden(refund.Error))
            {
                return Denied();
            }

            text.AddTo(ModelState, refund.Error, new Dictionary<string, string>
            {
                ["amount"] = nameof(RefundAmount), [Common.ProblemTypes.RefundExceedsPayment] = nameof(RefundAmount),
            });
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        // Post/redirect/get: a reload shows the refund, it does not send it again.
        return RedirectToPage(new { id = Id, refunded = refund.Value.Amount });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var detail = await mediator.Send(new GetShopPaymentQuery(MerchantId, Id), ct);
        Detail = detail.IsSuccess ? detail.Value : null;
        return Detail is not null;
    }
}
