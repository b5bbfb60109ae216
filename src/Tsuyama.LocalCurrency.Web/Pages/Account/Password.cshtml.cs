using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Features.Identity.ChangePassword;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Account;

/// <summary>ChangePassword, then sign in again with the new password (the change ends every other sign-in).</summary>
public sealed class PasswordModel(IMediator mediator, SiteText text) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["currentPassword"] = nameof(CurrentPassword), ["newPassword"] = nameof(NewPassword) };

    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new ChangePasswordCommand(User.UserId(), CurrentPassword, NewPassword), ct);
        if (!result.IsSuccess)
        {
            text.AddTo(ModelState, result.Error, Fields);
            return Page();
        }

        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return LocalRedirect("/signin?changed=true");
    }
}
