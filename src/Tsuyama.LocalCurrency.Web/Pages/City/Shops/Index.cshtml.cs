using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Merchants.ListMerchants;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Shops;

/// <summary>The city's shops: search by name, kana, e-mail or store number; register a new one.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [FromQuery(Name = "q")] public string? Search { get; set; }

    public IReadOnlyList<MerchantSummary> Shops { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new ListMerchantsQuery(Search), ct);
        if (!result.IsSuccess)
        {
            return result.Error.Type == ProblemTypes.Forbidden ? Forbid() : BadRequest();
        }

        Shops = result.Value;
        return Page();
    }
}
