using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Residents.SearchResidents;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Residents;

/// <summary>Counter and Admin staff look up the resident in front of them by name, e-mail or id.</summary>
public sealed class IndexModel(IMediator mediator, SiteText text) : PageModel
{
    [FromQuery(Name = "q")] public string? Search { get; set; }

    public IReadOnlyList<ResidentSummary> Residents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new SearchResidentsQuery(Search), ct);
        if (!result.IsSuccess)
        {
            if (result.Error.Type == ProblemTypes.Forbidden)
            {
                return Forbid();
            }

            text.AddTo(ModelState, result.Error, new Dictionary<string, string> { ["search"] = "q" });
            return Page();
        }

        Residents = result.Value;
        return Page();
    }
}
