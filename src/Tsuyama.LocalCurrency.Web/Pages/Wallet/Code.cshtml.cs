using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Features.PaymentCodes.IssuePaymentCode;
using Tsuyama.LocalCurrency.Qr;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Pages.Wallet;

/// <summary>
/// マイコード: a one-time code (QR and digits) the shop scans or types. Issuing one writes, so it is
/// a POST; the page's script asks for the next code shortly before this one expires.
/// </summary>
public sealed class CodeModel(IMediator mediator, TimeProvider clock) : PageModel
{
    public PaymentCodeIssued? Code { get; private set; }

    public int SecondsLeft => Code is null ? 0 : (int)Math.Max(0, (Code.ExpiresAt - clock.GetUtcNow()).TotalSeconds);

    public string? QrDataUri => Code is null ? null : $"data:image/png;base64,{Convert.ToBase64String(QrImageRenderer.RenderPng(Code.Payload, 8))}";

    public static string Grouped(string digits) => PaymentCodeFormat.FormatForDisplay(digits);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var issued = await mediator.Send(new IssuePaymentCodeCommand(User.ResidentId()), ct);
        if (!issued.IsSuccess)
        {
            return RedirectToPage("/Wallet/Index");
        }

        Code = issued.Value;
        return Page();
    }

    /// <summary>The next code for the page's script (same fields the page shows).</summary>
    public async Task<IActionResult> OnPostNextAsync(CancellationToken ct)
    {
        var issued = await mediator.Send(new IssuePaymentCodeCommand(User.ResidentId()), ct);
        if (!issued.IsSuccess)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        Code = issued.Value;
        return new JsonResult(new { code = Code.Code, digits = Grouped(Code.Code), image = QrDataUri, secondsLeft = SecondsLeft });
    }
}
