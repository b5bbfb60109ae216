using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages;

public sealed class SignInModel(UserManager<LedgerUser> users, SiteText text, PageSignIn signIn) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [FromQuery(Name = "limited")] public bool Limited { get; set; }
    [FromQuery(Name = "changed")] public bool ChangedPassword { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            if (string.IsNullOrWhiteSpace(Email))
            {
                ModelState.AddModelError(nameof(Email), text.FieldMessage("email"));
            }

            if (string.IsNullOrEmpty(Password))
            {
                ModelState.AddModelError(nameof(Password), text["SignIn.PasswordRequired"]);
            }

            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is null || !await users.CheckPasswordAsync(user, Password))
        {
            ModelState.AddModelError("", text["SignIn.Failed"]);
            return Page();
        }

        await signIn.SignInAsync(HttpContext, user.Id);
        var home = (await users.GetRolesAsync(user)).Contains(Roles.Merchant) ? "/shop" : "/wallet";
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : home);
    }
}
