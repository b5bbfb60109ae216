using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Papers;
using Tsuyama.LocalCurrency.Features.Papers.GetPaymentNotice;
using Tsuyama.LocalCurrency.Features.Papers.GetRedemptionInvoice;
using Tsuyama.LocalCurrency.Features.Settlements;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlement;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlementStatement;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlementZengin;
using Tsuyama.LocalCurrency.Features.Settlements.ListSettlements;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Settlements;

/// <summary>One settlement: totals, each shop's lines, the Zengin file, statements and papers to download, shops held back.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class DetailModel(IMediator mediator) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromQuery(Name = "done")] public string? Done { get; set; }

    public SettlementView Settlement { get; private set; } = null!;
    public IReadOnlyList<HeldBackShop> HeldBack { get; private set; } = [];

    /// <summary>Why the bank file cannot be made (nothing to pay), shown instead of the download.</summary>
    public Error? ZenginProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var settlement = await mediator.Send(new GetSettlementQuery(Id), ct);
        if (!settlement.IsSuccess)
        {
            return settlement.Error.Type == ProblemTypes.Forbidden ? Forbid() : NotFound();
        }

        Settlement = settlement.Value;
        HeldBack = (await mediator.Send(new ListSettlementsQuery(1, Id), ct)).Value?.Items.FirstOrDefault()?.HeldBack ?? [];
        ZenginProblem = Settlement.PayoutYen > 0 ? null : (await mediator.Send(new GetSettlementZenginQuery(Id), ct)).Error;
        return Page();
    }

    public async Task<IActionResult> OnGetZenginAsync(CancellationToken ct) => ToFile(await mediator.Send(new GetSettlementZenginQuery(Id), ct));

    public async Task<IActionResult> OnGetStatementAsync(Guid merchantId, string? format, CancellationToken ct) =>
        ToFile(await mediator.Send(new GetSettlementStatementQuery(Id, merchantId, format == "csv" ? StatementFormat.Csv : StatementFormat.Html), ct));

    public async Task<IActionResult> OnGetInvoiceAsync(Guid merchantId, string? format, CancellationToken ct) =>
        ToFile(await mediator.Send(new GetRedemptionInvoiceCommand(Id, merchantId, PaperReader.CityOffice(User.Scope()), Paper(format)), ct));

    public async Task<IActionResult> OnGetNoticeAsync(Guid merchantId, string? format, CancellationToken ct) =>
        ToFile(await mediator.Send(new GetPaymentNoticeCommand(Id, merchantId, PaperReader.CityOffice(User.Scope()), Paper(format)), ct));

    private static PaperFormat Paper(string? format) => format == "csv" ? PaperFormat.Csv : PaperFormat.Html;

    private IActionResult ToFile(Result<SettlementFile> file) =>
        file.IsSuccess ? File(file.Value.Content, file.Value.ContentType, file.Value.FileName)
        : file.Error.Type == ProblemTypes.Forbidden ? Forbid()
        : NotFound();
}
