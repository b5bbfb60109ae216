using System.Text.RegularExpressions;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.PaymentCodes.ChargePaymentCode;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Pages.Wallet.Pay;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Shop;

/// <summary>
/// Charge a resident's マイコード: the digits typed (or read by the camera) and the amount. One
/// idempotency key per form, so a double tap charges once; a refusal says why beside the field.
/// </summary>
public sealed partial class ChargeModel(IMediator mediator, SiteText text) : ShopPage
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? IdempotencyKey { get; set; }
    [FromQuery(Name = "scanned")] public string? Scanned { get; set; }

    public PaymentMade? Charged { get; private set; }

    public void OnGet()
    {
        // The camera reads the code's QR; its digits are the one-time code at the end of the payload.
        if (Scanned is not null && TrailingDigits().Match(Scanned) is { Success: true } m)
        {
            Code = m.Value;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var digits = new string((Code ?? "").Normalize(System.Text.NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());
        var amount = PayTarget.ParseAmount(Amount);
        if (amount is null or <= 0)
        {
            ModelState.AddModelError(nameof(Amount), text.FieldMessage("amount"));
        }

        if (digits.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), text.FieldMessage("code"));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var charged = await mediator.Send(new ChargePaymentCodeCommand(MerchantId, digits, amount!.Value, User.Scope(), IdempotencyKey), ct);
        if (!charged.IsSuccess)
        {
            if (charged.Error.Type is ProblemTypes.InvalidQr or ProblemTypes.Expired)
            {
                // The resident's wording (お店の QR …) does not fit the till: say what to ask the customer for.
                ModelState.AddModelError(nameof(Code), text["Shop.ChargeCodeRefused"]);
            }
            else
            {
                text.AddTo(ModelState, charged.Error, new Dictionary<string, string> { ["code"] = nameof(Code), ["amount"] = nameof(Amount) });
            }

            return Page();
        }

        Charged = charged.Value;
        return Page();
    }

    [GeneratedRegex("[0-9]{20}$")]
    private static partial Regex TrailingDigits();
}
