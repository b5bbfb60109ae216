using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Features.Simulations.ListSimulationRuns;

namespace Tsuyama.LocalCurrency.Web.Pages.Chamber;

/// <summary>The latest simulation runs, newest first; who asked for each is deliberately not shown.</summary>
public sealed class RunsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<SimulationRunSummary> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var runs = await mediator.Send(new ListSimulationRunsQuery(), ct);
        Runs = runs.IsSuccess ? runs.Value : [];
    }
}
