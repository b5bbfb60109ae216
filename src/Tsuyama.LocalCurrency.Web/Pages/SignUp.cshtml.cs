using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Identity.SignIn;
using Tsuyama.LocalCurrency.Features.Residents.RegisterResident;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages;

/// <summary>A resident registers (RegisterResident) and is signed in with the page cookie.</summary>
public sealed class SignUpModel(IMediator mediator, SiteText text) : PageModel
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

        // Signing in through the use case keeps one path to a cookie (and its claims).
        var signedIn = await mediator.Send(new SignInCommand(Email, Password), ct);
        if (!signedIn.IsSuccess)
        {
            ModelState.AddModelError("", text.ProblemMessage(signedIn.Error) + " " + signedIn.Error.Detail);
            return Page();
        }

        await HttpContext.SignInAsync(signedIn.Value);
        return LocalRedirect("/wallet?welcome=1");
    }
}
