using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Sales.Apply;
using Tsuyama.LocalCurrency.Features.Sales.GetMyApplications;
using Tsuyama.LocalCurrency.Features.Sales.GetOpenSales;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Wallet.Sales;

/// <summary>One task: how many units to apply for. The use case checks the window, the limit and a second application.</summary>
public sealed class ApplyModel(IMediator mediator, SiteText text) : PageModel
{
    [FromRoute(Name = "code")] public string Code { get; set; } = "";
    [BindProperty] public int? Units { get; set; }

    public OpenSale? Sale { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var applied = await mediator.Send(new ApplyCommand(User.ResidentId(), Code, Units ?? 0), ct);
        if (applied.IsSuccess)
        {
            return RedirectToPage("Application", new { id = applied.Value.ApplicationId, applied = 1 });
        }

        // A second tap of the button finds the first application: show it rather than a conflict.
        if (applied.Error.Type == ProblemTypes.Conflict
            && (await mediator.Send(new GetMyApplicationsQuery(User.ResidentId()), ct)).Value?.FirstOrDefault(a => a.ProgramCode == Code) is { } mine)
        {
            return RedirectToPage("Application", new { id = mine.ApplicationId });
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // The use case's answer replaces the binder's (English) complaint about a number that is not one.
        ModelState.Clear();
        var error = applied.Error;
        if (error.Type == ProblemTypes.LimitExceeded || error.Fields?.ContainsKey("units") == true)
        {
            ModelState.AddModelError(nameof(Units), text["Sales.UnitsInvalid", Sale!.MaxUnitsPerResident]);
        }
        else if (error.Type == ProblemTypes.ApplicationsClosed)
        {
            ModelState.AddModelError("", text["Sales.Closed"]);
        }
        else
        {
            text.AddTo(ModelState, error);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Sale = (await mediator.Send(new GetOpenSalesQuery(), ct)).Value?.FirstOrDefault(s => s.ProgramCode == Code);
        return Sale is not null;
    }
}
