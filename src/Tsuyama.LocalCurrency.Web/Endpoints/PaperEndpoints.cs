using System.Globalization;
using System.Security.Claims;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Papers;
using Tsuyama.LocalCurrency.Features.Papers.ExportBookkeeping;
using Tsuyama.LocalCurrency.Features.Papers.GetPaymentNotice;
using Tsuyama.LocalCurrency.Features.Papers.GetRedemptionInvoice;
using Tsuyama.LocalCurrency.Features.Papers.GetTransferFeeInvoice;
using Tsuyama.LocalCurrency.Features.Settlements;
using Tsuyama.LocalCurrency.Features.Settlements.GetShopSettlements;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>
/// A shop's tax papers: qualified invoices for the fees, payment notices, the bookkeeping export.
/// A shop reads its own, the city office (Admin) any shop's; the use cases enforce it.
/// </summary>
internal static class PaperEndpoints
{
    public static RouteGroupBuilder MapPapers(this RouteGroupBuilder api)
    {
        var papers = api.MapGroup("/merchants/{merchantId:guid}/papers").WithTags("Papers")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Merchant));

        // Clerks pass the route so that the use case's refusal is the one answer (403) they get.
        api.MapGet("/merchants/{merchantId:guid}/settlements", async (Guid merchantId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetShopSettlementsQuery(merchantId, Reader(user)), ct)).ToOk())
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Merchant, Roles.Clerk)).WithTags("Settlements")
            .WithSummary("A shop's settlements (newest first), the next cutoff and payout date, the masked payout account, months with a transfer-fee invoice");

        papers.MapGet("/settlements/{settlementId:guid}/invoice", async (Guid merchantId, Guid settlementId, string? format, ClaimsPrincipal user,
                IMediator mediator, CancellationToken ct) =>
                Format(format) is { } f
                    ? (await mediator.Send(new GetRedemptionInvoiceCommand(settlementId, merchantId, Reader(user), f), ct)).ToFile()
                    : BadFormat())
            .WithSummary("適格請求書 for the redemption fee of one settlement (?format=html|csv); later copies are marked 再発行")
            .Produces(200, contentType: "text/html").ProducesProblem(422);

        papers.MapGet("/settlements/{settlementId:guid}/notice", async (Guid merchantId, Guid settlementId, string? format, ClaimsPrincipal user,
                IMediator mediator, CancellationToken ct) =>
                Format(format) is { } f
                    ? (await mediator.Send(new GetPaymentNoticeCommand(settlementId, merchantId, Reader(user), f), ct)).ToFile()
                    : BadFormat())
            .WithSummary("支払通知書 of one settlement (?format=html|csv)")
            .Produces(200, contentType: "text/html").ProducesProblem(422);

        papers.MapGet("/transfer-fee-invoices/{month}", async (Guid merchantId, string month, string? format, ClaimsPrincipal user,
                IMediator mediator, CancellationToken ct) =>
            {
                if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                {
                    return Problems.Validation("month", "must be a month as yyyy-MM");
                }

                return Format(format) is { } f
                    ? (await mediator.Send(new GetTransferFeeInvoiceCommand(merchantId, first.Year, first.Month, Reader(user), f), ct)).ToFile()
                    : BadFormat();
            })
            .WithSummary("Monthly 適格請求書 for the shop-to-shop transfer fees the shop paid (month yyyy-MM, ?format=html|csv)")
            .Produces(200, contentType: "text/html").ProducesProblem(422);

        papers.MapGet("/bookkeeping", async (Guid merchantId, DateOnly? from, DateOnly? to, string? rows, string? encoding, ClaimsPrincipal user,
                IMediator mediator, CancellationToken ct) =>
            {
                BookkeepingRows? layout = rows?.ToLowerInvariant() switch
                {
                    null or "" or "day" => BookkeepingRows.Day,
                    "transaction" => BookkeepingRows.Transaction,
                    _ => null,
                };
                CsvEncoding? charset = encoding?.ToLowerInvariant() switch
                {
                    null or "" or "utf-8" or "utf8" => CsvEncoding.Utf8Bom,
                    "shift_jis" or "sjis" or "cp932" => CsvEncoding.ShiftJis,
                    _ => null,
                };
                if (from is null || to is null)
                {
                    return Problems.Validation(from is null ? "from" : "to", "is required (yyyy-MM-dd, JST)");
                }

                if (layout is null || charset is null)
                {
                    return Problems.Validation(layout is null ? "rows" : "encoding",
                        layout is null ? "must be day or transaction" : "must be utf-8 or shift_jis");
                }

                return (await mediator.Send(new ExportBookkeepingQuery(merchantId, from.Value, to.Value,
                    layout.Value, charset.Value, Reader(user)), ct)).ToFile();
            })
            .WithSummary("Bookkeeping CSV for from..to (JST): ?rows=day|transaction, ?encoding=utf-8|shift_jis; monthly and yearly totals")
            .Produces(200, contentType: "text/csv").ProducesProblem(422);
        return api;
    }

    internal static PaperReader Reader(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? PaperReader.CityOffice(user.Scope()) : new PaperReader(false, user.MerchantId(), user.Scope());

    private static PaperFormat? Format(string? format) => format?.ToLowerInvariant() switch
    {
        null or "" or "html" => PaperFormat.Html,
        "csv" => PaperFormat.Csv,
        _ => null,
    };

    private static ApiProblem BadFormat() => Problems.Validation("format", "must be html or csv");
}
