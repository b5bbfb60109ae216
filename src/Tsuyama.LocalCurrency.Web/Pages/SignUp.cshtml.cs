using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Residents.RegisterResident;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages;

/// <summary>A resident registers (RegisterResident) and is signed in with the page cookie.</summary>
public sealed class SignUpModel(IMediator mediator, SiteText text, PageSignIn signIn) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["email"] = nameof(Email),
        ["password"] = nameof(Password),
        ["displayName"] = nameof(DisplayName),
        [ProblemTypes.Conflict] = nameof(Email),
    };

    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new RegisterResidentCommand(Email ?? "", Password ?? "", DisplayName ?? ""), ct);
        if (!result.IsSuccess)
        {
            if (result.Error.Type == ProblemTypes.Conflict)
            {
                ModelState.AddModelError(nameof(Email), text["Problem.email-taken"]);
            }
            else
            {
                text.AddTo(ModelState, result.Error, Fields);
            }

            return Page();
        }

        await signIn.SignInAsync(HttpContext, result.Value.ResidentId);
        return LocalRedirect("/wallet?welcome=1");
    }
}
