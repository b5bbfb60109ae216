using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Features.Sales.GetMyApplications;
using Tsuyama.LocalCurrency.Features.Sales.GetOpenSales;
using Tsuyama.LocalCurrency.Features.Sales.WithdrawApplication;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Wallet.Sales;

/// <summary>
/// One application as its resident sees it: the status in plain words (lottery result, what to pay and by
/// when), and withdrawing it while the use case allows. Only the resident's own applications are found.
/// </summary>
public sealed class ApplicationModel(IMediator mediator, SiteText text) : PageModel
{
    [FromRoute(Name = "id")] public Guid Id { get; set; }
    [FromQuery(Name = "applied")] public int? Applied { get; set; }
    [FromQuery(Name = "withdrawn")] public int? Withdrawn { get; set; }

    public ApplicationView? Application { get; private set; }
    public OpenSale? Sale { get; private set; }

    public string ProgramName => Sale?.Name ?? Application?.ProgramCode ?? "";

    /// <summary>What the withdraw use case accepts; it still decides (a closed window refuses a pending one).</summary>
    public bool CanWithdraw => Application?.Status is Domain.ApplicationStatus.Pending or Domain.ApplicationStatus.Won or Domain.ApplicationStatus.Waiting;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        var withdrawn = await mediator.Send(new WithdrawApplicationCommand(User.ResidentId(), Id), ct);
        if (withdrawn.IsSuccess)
        {
            return RedirectToPage(new { id = Id, withdrawn = 1 });
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        ModelState.AddModelError(
            "",
            withdrawn.Error.Type == ProblemTypes.ApplicationsClosed ? text["Sales.WithdrawClosed"] : text.ProblemMessage(withdrawn.Error));
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Application = (await mediator.Send(new GetMyApplicationsQuery(User.ResidentId()), ct)).Value?.FirstOrDefault(a => a.ApplicationId == Id);
        if (Application is null)
        {
            return false;
        }

        Sale = (await mediator.Send(new GetOpenSalesQuery(), ct)).Value?.FirstOrDefault(s => s.ProgramCode == Application.ProgramCode);
        return true;
    }
}
