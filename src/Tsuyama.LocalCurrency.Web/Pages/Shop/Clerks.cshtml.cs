using MediatR;
using Microsoft.AspNetCore.Mvc;
using Tsuyama.LocalCurrency.Features.Clerks.AddClerk;
using Tsuyama.LocalCurrency.Features.Clerks.ListClerks;
using Tsuyama.LocalCurrency.Features.Clerks.RemoveClerk;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Shop;

/// <summary>The owner's clerk sign-ins: add one (e-mail and a first password), remove one.</summary>
public sealed class ClerksModel(IMediator mediator, SiteText text) : ShopPage
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [FromQuery(Name = "done")] public string? Done { get; set; }

    public IReadOnlyList<ClerkView> Clerks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IsOwner)
        {
            return Denied();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!IsOwner)
        {
            return Denied();
        }

        var added = await mediator.Send(new AddClerkCommand(MerchantId, Email ?? "", Password ?? ""), ct);
        if (!added.IsSuccess)
        {
            text.AddTo(ModelState, added.Error, new Dictionary<string, string>
            {
                ["email"] = nameof(Email), ["password"] = nameof(Password), ["email-taken"] = nameof(Email),
            });
            await LoadAsync(ct);
            return Page();
        }

        return RedirectToPage(new { done = "added" });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid userId, CancellationToken ct)
    {
        if (!IsOwner)
        {
            return Denied();
        }

        var removed = await mediator.Send(new RemoveClerkCommand(MerchantId, userId), ct);
        if (!removed.IsSuccess)
        {
            text.AddTo(ModelState, removed.Error);
            await LoadAsync(ct);
            return Page();
        }

        return RedirectToPage(new { done = "removed" });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Clerks = (await mediator.Send(new ListClerksQuery(MerchantId), ct)).Value ?? [];
}
