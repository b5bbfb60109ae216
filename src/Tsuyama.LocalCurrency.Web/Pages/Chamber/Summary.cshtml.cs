using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Features.Simulations.GetSimulationDocument;

namespace Tsuyama.LocalCurrency.Web.Pages.Chamber;

/// <summary>The one-page merchant summary of a finished run, laid out for A4 paper.</summary>
public sealed class SummaryModel(IMediator mediator) : PageModel
{
    public Guid RunId { get; private set; }

    public SimulationDocument Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var summary = await mediator.Send(new GetSimulationDocumentQuery(id, SimulationDocumentKind.MerchantSummaryBody), ct);
        if (!summary.IsSuccess)
        {
            return NotFound();
        }

        RunId = id;
        Summary = summary.Value;
        return Page();
    }
}
