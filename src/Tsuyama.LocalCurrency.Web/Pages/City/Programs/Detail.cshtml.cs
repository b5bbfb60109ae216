using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Programs.CloseProgramSales;
using Tsuyama.LocalCurrency.Features.Programs.GetProgram;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Programs;

/// <summary>One program: its terms, sales rules and counters; edit (before sales open) or close sales early.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class DetailModel(IMediator mediator, SiteText text) : PageModel
{
    [FromRoute] public string Code { get; set; } = "";
    [FromQuery(Name = "done")] public string? Done { get; set; }

    public ProgramDetail Program { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        var closed = await mediator.Send(new CloseProgramSalesCommand(Code), ct);
        if (!closed.IsSuccess)
        {
            if (closed.Error.Type == ProblemTypes.Forbidden)
            {
                return Forbid();
            }

            text.AddErrors(ModelState, closed.Error, "program", new Dictionary<string, string>());
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        return Redirect($"/city/programs/{Uri.EscapeDataString(Code)}?done=closed");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new GetProgramQuery(Code), ct);
        Program = result.Value!;
        return result.IsSuccess;
    }
}
