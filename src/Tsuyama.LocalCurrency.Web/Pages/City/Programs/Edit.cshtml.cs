using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Programs.GetProgram;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Programs;

/// <summary>Changes a program's terms before its sales open (EditProgram refuses it afterwards).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class EditModel(IMediator mediator, SiteText text) : PageModel
{
    [FromRoute] public string Code { get; set; } = "";
    [BindProperty] public ProgramForm Form { get; set; } = new();

    public ProgramDetail Program { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new GetProgramQuery(Code), ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Program = result.Value;
        Form = ProgramForm.Of(Program);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var edited = await mediator.Send(Form.ToEdit(Code), ct);
        if (edited.IsSuccess)
        {
            return Redirect($"/city/programs/{Uri.EscapeDataString(Code)}?done=edited");
        }

        if (edited.Error.Type == ProblemTypes.Forbidden)
        {
            return Forbid();
        }

        var current = await mediator.Send(new GetProgramQuery(Code), ct);
        if (!current.IsSuccess)
        {
            return NotFound();
        }

        Program = current.Value;
        Form.Code = Code;
        text.AddErrors(ModelState, edited.Error, "program", ProgramForm.Fields);
        return Page();
    }
}
