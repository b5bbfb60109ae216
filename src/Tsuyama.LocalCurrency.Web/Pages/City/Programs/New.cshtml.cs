using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Programs;

/// <summary>A new voucher program: its price, points, units, dates and fees (CreateProgram).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class NewModel(IMediator mediator, SiteText text, TimeProvider clock) : PageModel
{
    [BindProperty] public ProgramForm Form { get; set; } = new();

    public void OnGet() => Form = ProgramForm.Defaults(JapanTime.Today(clock));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var created = await mediator.Send(Form.ToCreate(), ct);
        if (!created.IsSuccess)
        {
            text.AddErrors(ModelState, created.Error, "program", ProgramForm.Fields);
            return Page();
        }

        return Redirect($"/city/programs/{Uri.EscapeDataString(created.Value.Code)}?done=created");
    }
}
