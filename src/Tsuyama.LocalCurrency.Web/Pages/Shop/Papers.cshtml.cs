using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Papers.ExportBookkeeping;
using Tsuyama.LocalCurrency.Features.Papers.GetTransferFeeInvoice;
using Tsuyama.LocalCurrency.Features.Settlements.GetShopSettlements;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Shop;

/// <summary>
/// Papers for the shop's books and tax return: the bookkeeping CSV for a period (UTF-8 with BOM or Shift_JIS)
/// and the monthly qualified invoices for shop-to-shop transfer fees. Owner only, by the use cases.
/// </summary>
public sealed class PapersModel(IMediator mediator, SiteText text, TimeProvider clock) : ShopPage
{
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    [FromQuery(Name = "rows")] public string? Rows { get; set; }
    [FromQuery(Name = "encoding")] public string? Encoding { get; set; }

    public IReadOnlyList<DateOnly> FeeMonths { get; private set; } = [];

    public DateOnly Today => JapanTime.DateOf(clock.GetUtcNow());

    /// <summary>The form starts on this year so far: what the 確定申告 for the year will need.</summary>
    public DateOnly FromOrDefault => From ?? new DateOnly(Today.Year, 1, 1);

    public DateOnly ToOrDefault => To ?? Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetBookkeepingAsync(CancellationToken ct)
    {
        BookkeepingRows? rows = Rows switch { null or "" or "day" => BookkeepingRows.Day, "transaction" => BookkeepingRows.Transaction, _ => null };
        CsvEncoding? encoding = Encoding switch { null or "" or "utf-8" => CsvEncoding.Utf8Bom, "shift_jis" => CsvEncoding.ShiftJis, _ => null };
        if (From is null || To is null || rows is null || encoding is null)
        {
            ModelState.AddModelError(From is null ? nameof(From) : nameof(To), text.FieldMessage(From is null ? "from" : "to"));
            return await LoadAsync(ct) ?? Page();
        }

        var file = await mediator.Send(new ExportBookkeepingQuery(MerchantId, From.Value, To.Value, rows.Value, encoding.Value, Reader), ct);
        if (!file.IsSuccess && !IsForbidden(file.Error))
        {
            text.AddTo(ModelState, file.Error, new Dictionary<string, string> { ["from"] = nameof(From), ["to"] = nameof(To) });
            return await LoadAsync(ct) ?? Page();
        }

        return PaperFile(file);
    }

    /// <summary>The monthly 適格請求書 for transfer fees; <paramref name="month"/> is yyyy-MM.</summary>
    public async Task<IActionResult> OnGetFeeInvoiceAsync(string? month, string? format, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || Format(format) is not { } f)
        {
            return BadRequest();
        }

        return PaperFile(await mediator.Send(new GetTransferFeeInvoiceCommand(MerchantId, first.Year, first.Month, Reader, f), ct));
    }

    /// <summary>Null when the page can be shown; otherwise where the shop goes instead (a clerk to the 403 page).</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new GetShopSettlementsQuery(MerchantId, Reader), ct);
        if (!result.IsSuccess)
        {
            return IsForbidden(result.Error) ? Denied() : NotFound();
        }

        FeeMonths = result.Value.TransferFeeMonths;
        return null;
    }
}
