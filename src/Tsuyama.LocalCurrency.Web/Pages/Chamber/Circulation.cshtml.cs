using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Chamber;

/// <summary>
/// Circulation observed in the ledger over a chosen period (GetCirculation: sectors only, any figure about
/// fewer than three shops folded away), and the way into the editor with the scenario calibrated from it.
/// </summary>
public sealed class CirculationModel(IMediator mediator, SiteText text) : PageModel
{
    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    public CirculationReport? Report { get; private set; }

    public async Task OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        From = from;
        To = to;
        var report = await mediator.Send(new GetCirculationQuery(from, to), ct);
        if (report.IsSuccess)
        {
            Report = report.Value;
        }
        else
        {
            text.AddTo(ModelState, report.Error, new Dictionary<string, string> { ["from"] = "from", ["to"] = "to" });
        }
    }

    public string SectorName(string id) => text[$"Chamber.Sector.{id}"] is var name && name != $"Chamber.Sector.{id}" ? name : id;
}
