using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Integrity.CheckLedger;
using Tsuyama.LocalCurrency.Features.Integrity.GetLedgerStatus;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.City;

/// <summary>Tamper evidence: the last check's outcome, the newest seal block, and "verify now".</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class LedgerModel(IMediator mediator, SiteText text) : PageModel
{
    [FromQuery(Name = "done")] public string? Done { get; set; }

    public LedgerStatus Status { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var checkedNow = await mediator.Send(new CheckLedgerCommand(User.Identity?.Name ?? "admin"), ct);
        if (!checkedNow.IsSuccess)
        {
            if (checkedNow.Error.Type == ProblemTypes.Forbidden)
            {
                return Forbid();
            }

            text.AddErrors(ModelState, checkedNow.Error, "ledger", new Dictionary<string, string>());
            return await LoadAsync(ct);
        }

        return Redirect("/city/ledger?done=checked");
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        var status = await mediator.Send(new GetLedgerStatusQuery(), ct);
        if (!status.IsSuccess)
        {
            return Forbid();
        }

        Status = status.Value;
        return Page();
    }
}
