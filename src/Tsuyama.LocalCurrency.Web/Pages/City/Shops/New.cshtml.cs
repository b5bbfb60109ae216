using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.CheckHolderKana;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Shops;

/// <summary>
/// Registers a shop with its owner's sign-in and payout account. The holder name is checked as the
/// Admin types (city-kana.js asks <see cref="OnGetKanaAsync"/>, i.e. the same converter the bank file uses).
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class NewModel(IMediator mediator, SiteText text) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? NameKana { get; set; }
    [BindProperty] public string? NameRomaji { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public MerchantSize Size { get; set; }
    [BindProperty] public string? PostalCode { get; set; }
    [BindProperty] public string? OwnerEmail { get; set; }
    [BindProperty] public string? OwnerPassword { get; set; }
    [BindProperty] public string? BankCode { get; set; }
    [BindProperty] public string? BranchCode { get; set; }
    [BindProperty] public BankAccountType AccountType { get; set; } = BankAccountType.Ordinary;
    [BindProperty] public string? AccountNumber { get; set; }
    [BindProperty] public string? HolderKana { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var command = new RegisterMerchantCommand(Name ?? "", NameKana ?? "", NameRomaji ?? "", Category ?? "", Size, PostalCode ?? "",
            OwnerEmail ?? "", OwnerPassword ?? "", new PayoutDetails(BankCode ?? "", BranchCode ?? "", AccountType, AccountNumber ?? "", HolderKana ?? ""));
        var result = await mediator.Send(command, ct);
        if (!result.IsSuccess)
        {
            if (result.Error.Type == ProblemTypes.Forbidden)
            {
                return Forbid();
            }

            text.AddTo(ModelState, result.Error, ShopForm.Fields);
            return Page();
        }

        return Redirect($"/city/shops/{result.Value.MerchantId}?done=registered");
    }

    /// <summary>GET ?handler=Kana&amp;holder=…: the holder name in bank kana, or the message to show beside the field.</summary>
    public async Task<IActionResult> OnGetKanaAsync(string? holder, CancellationToken ct)
    {
        var result = await mediator.Send(new CheckHolderKanaQuery(holder), ct);
        return result.IsSuccess
            ? new JsonResult(new { ok = true, bankKana = result.Value.BankKana, message = text["CityShops.KanaOk", result.Value.BankKana] })
            : new JsonResult(new { ok = false, bankKana = "", message = text.FieldMessage("payout.holderKana") });
    }
}
