using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Features.Stores.GetStoreDirectory;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages;

/// <summary>使えるお店, public: search by name, reading (hiragana or katakana) or store number.</summary>
public sealed class StoresModel(IMediator mediator, SiteText text) : PageModel
{
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public StorePage? Stores { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new GetStoreDirectoryQuery(Search, Math.Max(1, PageNumber), 20), ct);
        if (result.IsSuccess)
        {
            Stores = result.Value;
        }
        else
        {
            text.AddTo(ModelState, result.Error, new Dictionary<string, string> { ["q"] = nameof(Search) });
        }
    }
}
