using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Simulations.CompareRuns;
using Tsuyama.LocalCurrency.Features.Simulations.ListSimulationRuns;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Chamber;

/// <summary>Two runs side by side (CompareRuns): headline figures and sectors, with what changed marked.</summary>
public sealed class CompareModel(IMediator mediator, SiteText text) : PageModel
{
    public IReadOnlyList<SimulationRunSummary> Runs { get; private set; } = [];

    public Guid? A { get; private set; }

    public Guid? B { get; private set; }

    public ComparisonResult? Comparison { get; private set; }

    public async Task OnGetAsync(Guid? a, Guid? b, CancellationToken ct)
    {
        var runs = await mediator.Send(new ListSimulationRunsQuery(), ct);
        Runs = runs.IsSuccess ? runs.Value.Where(r => r.Status == SimulationRunStatus.Succeeded).ToList() : [];

        // By default the latest run against the one before it (usually: the edited scenario against the baseline).
        B = b ?? Runs.FirstOrDefault()?.RunId;
        A = a ?? Runs.FirstOrDefault(r => r.RunId != B)?.RunId;
        if (A is not { } first || B is not { } second)
        {
            return;
        }

        var comparison = await mediator.Send(new CompareRunsQuery(first, second), ct);
        if (comparison.IsSuccess)
        {
            Comparison = comparison.Value;
        }
        else
        {
            text.AddTo(ModelState, comparison.Error);
        }
    }
}
