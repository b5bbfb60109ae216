using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.History.GetResidentHistory;
using Tsuyama.LocalCurrency.Features.Identity.ResetPassword;
using Tsuyama.LocalCurrency.Features.Residents.GetResidentProfile;
using Tsuyama.LocalCurrency.Features.Sales.VerifyResident;
using Tsuyama.LocalCurrency.Features.Wallets.GetWallet;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Residents;

/// <summary>
/// One resident at the counter: wallet and history (read-only), the identity check, a counter sale,
/// and (Admin only) a temporary password for one who forgot theirs.
/// </summary>
public sealed class DetailModel(IMediator mediator, SiteText text, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromQuery(Name = "done")] public string? Done { get; set; }
    [FromQuery(Name = "page")] public int HistoryPageNumber { get; set; } = 1;

    [BindProperty] public string? Method { get; set; }
    [BindProperty] public DateOnly? CheckedOn { get; set; }

    public ResidentProfile Profile { get; private set; } = null!;
    public Features.Wallets.GetWallet.Wallet Wallet { get; private set; } = null!;
    public HistoryPage History { get; private set; } = null!;
    public string? TemporaryPassword { get; private set; }
    public bool IsAdmin => User.IsInRole(Roles.Admin);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        CheckedOn ??= JapanTime.Today(clock);
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new VerifyResidentCommand(Id, Method ?? "", CheckedOn ?? default, User.UserId()), ct);
        if (result.IsSuccess)
        {
            return Redirect($"/city/residents/{Id}?done=verified");
        }

        if (result.Error.Type == ProblemTypes.Forbidden)
        {
            return Forbid();
        }

        text.AddTo(ModelState, result.Error, new Dictionary<string, string> { ["method"] = nameof(Method), ["checkedOn"] = nameof(CheckedOn) });
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        // Only the Admin resets passwords (as the API's route); the counter sends the resident to them.
        if (!IsAdmin)
        {
            return Forbid();
        }

        CheckedOn ??= JapanTime.Today(clock);
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var result = await mediator.Send(new ResetPasswordCommand(Profile.Email), ct);
        if (!result.IsSuccess)
        {
            text.AddTo(ModelState, result.Error);
            return Page();
        }

        // Shown once on this response and never stored in a URL or the audit log (its property name is redacted).
        TemporaryPassword = result.Value.TemporaryPassword;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var profile = await mediator.Send(new GetResidentProfileQuery(Id), ct);
        if (!profile.IsSuccess)
        {
            return profile.Error.Type == ProblemTypes.Forbidden ? Forbid() : NotFound();
        }

        var wallet = await mediator.Send(new GetWalletQuery(Id), ct);
        var history = await mediator.Send(new GetResidentHistoryQuery(Id, Math.Max(1, HistoryPageNumber), 20), ct);
        if (!wallet.IsSuccess || !history.IsSuccess)
        {
            return NotFound();
        }

        (Profile, Wallet, History) = (profile.Value, wallet.Value, history.Value);
        Method ??= Profile.Verification?.Method;
        return null;
    }
}
