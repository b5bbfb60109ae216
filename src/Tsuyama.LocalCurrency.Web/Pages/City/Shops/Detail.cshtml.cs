using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.CorrectPayout;
using Tsuyama.LocalCurrency.Features.Merchants.GetMerchantAccount;
using Tsuyama.LocalCurrency.Features.Merchants.GetMerchantDetails;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Features.Merchants.SetMerchantSuspension;
using Tsuyama.LocalCurrency.Features.Merchants.UpdateMerchant;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Shops;

/// <summary>One shop: its details and payout account (editable), suspension, balance and latest movements, its sticker.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class DetailModel(IMediator mediator, SiteText text) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromQuery(Name = "done")] public string? Done { get; set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? NameKana { get; set; }
    [BindProperty] public string? NameRomaji { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public MerchantSize Size { get; set; }
    [BindProperty] public string? PostalCode { get; set; }
    [BindProperty] public string? BankCode { get; set; }
    [BindProperty] public string? BranchCode { get; set; }
    [BindProperty] public BankAccountType AccountType { get; set; }
    [BindProperty] public string? AccountNumber { get; set; }
    [BindProperty] public string? HolderKana { get; set; }

    public MerchantDetails Shop { get; private set; } = null!;
    public MerchantAccount Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        (Name, NameKana, NameRomaji, Category, Size, PostalCode) = (Shop.Name, Shop.NameKana, Shop.NameRomaji, Shop.Category, Shop.Size, Shop.PostalCode);
        (BankCode, BranchCode, AccountType, AccountNumber, HolderKana) =
            (Shop.Payout.BankCode, Shop.Payout.BranchCode, Shop.Payout.AccountType, Shop.Payout.AccountNumber, Shop.Payout.HolderKana);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct)
    {
        var command = new UpdateMerchantCommand(Id, Name ?? "", NameKana ?? "", NameRomaji ?? "", Category ?? "", Size, PostalCode ?? "");
        var result = await mediator.Send(command, ct);
        return await AfterAsync(result.IsSuccess ? null : result.Error, "edited", ct);
    }

    public async Task<IActionResult> OnPostPayoutAsync(CancellationToken ct)
    {
        var payout = new PayoutDetails(BankCode ?? "", BranchCode ?? "", AccountType, AccountNumber ?? "", HolderKana ?? "");
        var result = await mediator.Send(new CorrectPayoutCommand(Id, payout), ct);
        return await AfterAsync(result.IsSuccess ? null : result.Error, "payout", ct);
    }

    public async Task<IActionResult> OnPostSuspensionAsync(bool suspend, CancellationToken ct)
    {
        var result = await mediator.Send(new SetMerchantSuspensionCommand(Id, suspend), ct);
        return await AfterAsync(result.IsSuccess ? null : result.Error, suspend ? "suspended" : "reactivated", ct);
    }

    private async Task<IActionResult> AfterAsync(Error? error, string done, CancellationToken ct)
    {
        if (error is null)
        {
            return Redirect($"/city/shops/{Id}?done={done}");
        }

        if (error.Type == ProblemTypes.Forbidden)
        {
            return Forbid();
        }

        text.AddTo(ModelState, error, ShopForm.Fields);
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var shop = await mediator.Send(new GetMerchantDetailsQuery(Id), ct);
        if (!shop.IsSuccess)
        {
            return shop.Error.Type == ProblemTypes.Forbidden ? Forbid() : NotFound();
        }

        var account = await mediator.Send(new GetMerchantAccountQuery(Id, 50), ct);
        if (!account.IsSuccess)
        {
            return NotFound();
        }

        (Shop, Account) = (shop.Value, account.Value);
        return null;
    }
}
