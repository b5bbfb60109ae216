using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Staff.CreateStaffUser;
using Tsuyama.LocalCurrency.Features.Staff.DeactivateStaffUser;
using Tsuyama.LocalCurrency.Features.Staff.ListStaffUsers;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Staff;

/// <summary>The office's sign-ins: add an Admin, Counter or Chamber user with a first password; deactivate one.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(IMediator mediator, SiteText text) : PageModel
{
    public static readonly string[] StaffRoles = [Roles.Counter, Roles.Admin, Roles.Chamber];

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Role { get; set; } = Roles.Counter;
    [FromQuery(Name = "done")] public string? Done { get; set; }

    public IReadOnlyList<StaffUserView> Users { get; private set; } = [];
    public Guid Me => User.UserId();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The first password is chosen by the Admin, so the new user picks their own at the first sign-in.
        var result = await mediator.Send(new CreateStaffUserCommand(Email ?? "", Password ?? "", Role ?? "", PasswordChangeRequired: true), ct);
        if (!result.IsSuccess)
        {
            if (result.Error.Type == ProblemTypes.Forbidden)
            {
                return Forbid();
            }

            text.AddTo(ModelState, result.Error, new Dictionary<string, string>
            {
                ["email"] = nameof(Email), ["password"] = nameof(Password), ["role"] = nameof(Role), ["email-taken"] = nameof(Email),
                ["conflict"] = nameof(Email),
            });
            return await LoadAsync(ct) ?? Page();
        }

        return RedirectToPage(new { done = "added" });
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid userId, CancellationToken ct)
    {
        var result = await mediator.Send(new DeactivateStaffUserCommand(userId), ct);
        if (!result.IsSuccess)
        {
            if (result.Error.Type == ProblemTypes.Forbidden)
            {
                return Forbid();
            }

            text.AddTo(ModelState, result.Error);
            return await LoadAsync(ct) ?? Page();
        }

        return RedirectToPage(new { done = "deactivated" });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var users = await mediator.Send(new ListStaffUsersQuery(), ct);
        if (!users.IsSuccess)
        {
            return Forbid();
        }

        Users = users.Value;
        return null;
    }
}
