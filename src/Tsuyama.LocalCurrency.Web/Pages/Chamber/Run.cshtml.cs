using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Simulations.GetSimulationDocument;
using Tsuyama.LocalCurrency.Features.Simulations.GetSimulationRun;

namespace Tsuyama.LocalCurrency.Web.Pages.Chamber;

/// <summary>
/// One run: a progress bar while it runs (js/chamber-run.js polls <see cref="OnGetStatusAsync"/> and reloads
/// at the end; without scripts a reload shows the same), then the report inline and its downloads.
/// </summary>
public sealed class RunModel(IMediator mediator) : PageModel
{
    public static readonly string[] CsvFiles = ["sectors.csv", "rounds.csv", "flows.csv", "outstanding.csv", "distributions.csv"];

    public SimulationRunView Run { get; private set; } = null!;

    public SimulationDocument? Report { get; private set; }

    public string ScenarioName { get; private set; } = "";

    public bool Finished => Run.Status is SimulationRunStatus.Succeeded or SimulationRunStatus.Failed;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var run = await mediator.Send(new GetSimulationRunQuery(id), ct);
        if (!run.IsSuccess)
        {
            return NotFound();
        }

        Run = run.Value;
        var scenario = await mediator.Send(new GetSimulationDocumentQuery(id, SimulationDocumentKind.Scenario), ct);
        ScenarioName = scenario.IsSuccess ? scenario.Value.Title : "";
        if (Run.Status == SimulationRunStatus.Succeeded)
        {
            var report = await mediator.Send(new GetSimulationDocumentQuery(id, SimulationDocumentKind.ReportBody), ct);
            Report = report.IsSuccess ? report.Value : null;
        }

        return Page();
    }

    /// <summary>What the progress bar polls: status and progress only (not the whole result).</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid id, CancellationToken ct)
    {
        var run = await mediator.Send(new GetSimulationRunQuery(id), ct);
        if (!run.IsSuccess)
        {
            return NotFound();
        }

        var finished = run.Value.Status is SimulationRunStatus.Succeeded or SimulationRunStatus.Failed;
        return new JsonResult(new { status = run.Value.Status.ToString().ToLowerInvariant(), progress = run.Value.Progress, finished });
    }

    /// <summary>The report, the merchant summary, the scenario or a CSV file as a download.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid id, SimulationDocumentKind kind, string? csv, CancellationToken ct)
    {
        if (kind is SimulationDocumentKind.ReportBody or SimulationDocumentKind.MerchantSummaryBody)
        {
            return NotFound();
        }

        var document = await mediator.Send(new GetSimulationDocumentQuery(id, kind, csv), ct);
        if (!document.IsSuccess)
        {
            return NotFound();
        }

        return File(document.Value.ToBytes(), document.Value.ContentType, document.Value.FileName);
    }
}
