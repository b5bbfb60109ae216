using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Identity.SignIn;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages;

/// <summary>Sign-in through the SignIn use case (lockout included); the rate limiter sends a flood back here with ?limited=1.</summary>
public sealed class SignInModel(IMediator mediator, SiteText text) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["email"] = nameof(Email), ["password"] = nameof(Password) };

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [FromQuery(Name = "limited")] public bool Limited { get; set; }
    [FromQuery(Name = "changed")] public bool ChangedPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new SignInCommand(Email, Password), ct);
        if (!result.IsSuccess)
        {
            var error = result.Error;
            if (error.Type == ProblemTypes.LockedOut && error.RetryAfter is { } until)
            {
                ModelState.AddModelError("", text["Problem.locked-out", SiteText.ToJapan(until).ToString("HH:mm", CultureInfo.InvariantCulture)]);
            }
            else if (error.Type == ProblemTypes.Unauthorized)
            {
                ModelState.AddModelError("", text["SignIn.Failed"]);
            }
            else
            {
                text.AddTo(ModelState, error, Fields);
            }

            return Page();
        }

        await HttpContext.SignInAsync(result.Value);
        var home = PageSignIn.HomeOf(result.Value);
        return LocalRedirect(!result.Value.PasswordChangeRequired && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : home);
    }
}
