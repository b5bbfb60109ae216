using MediatR;
using Microsoft.AspNetCore.Mvc;
using Tsuyama.LocalCurrency.Features.Papers.GetPaymentNotice;
using Tsuyama.LocalCurrency.Features.Papers.GetRedemptionInvoice;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlementStatement;
using Tsuyama.LocalCurrency.Features.Settlements.GetShopSettlements;

namespace Tsuyama.LocalCurrency.Web.Pages.Shop;

/// <summary>
/// The owner's settlements: the next cutoff and payout date, the masked payout account, and each settlement
/// with its statement, qualified invoice and payment notice. Clerks are refused by the use cases.
/// </summary>
public sealed class SettlementsModel(IMediator mediator) : ShopPage
{
    public ShopSettlements? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new GetShopSettlementsQuery(MerchantId, Reader), ct);
        if (!result.IsSuccess)
        {
            return IsForbidden(result.Error) ? Denied() : NotFound();
        }

        Result = result.Value;
        return Page();
    }

    /// <summary>精算明細書 (HTML to print, or CSV).</summary>
    public async Task<IActionResult> OnGetStatementAsync(Guid settlement, string? format, CancellationToken ct) =>
        Format(format) is { } f
            ? PaperFile(await mediator.Send(new GetSettlementStatementQuery(settlement, MerchantId, f == Features.Papers.PaperFormat.Csv
                ? StatementFormat.Csv : StatementFormat.Html), ct))
            : BadRequest();

    /// <summary>適格請求書 for the settlement's redemption fee; the first copy issues it, later ones are 再発行.</summary>
    public async Task<IActionResult> OnGetInvoiceAsync(Guid settlement, string? format, CancellationToken ct) =>
        Format(format) is { } f ? PaperFile(await mediator.Send(new GetRedemptionInvoiceCommand(settlement, MerchantId, Reader, f), ct)) : BadRequest();

    /// <summary>支払通知書: what the bank transfer pays, as the Zengin line writes it.</summary>
    public async Task<IActionResult> OnGetNoticeAsync(Guid settlement, string? format, CancellationToken ct) =>
        Format(format) is { } f ? PaperFile(await mediator.Send(new GetPaymentNoticeCommand(settlement, MerchantId, Reader, f), ct)) : BadRequest();
}
