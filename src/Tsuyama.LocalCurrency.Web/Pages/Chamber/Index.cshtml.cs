using System.Text;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Analytics.Calibration;
using Tsuyama.LocalCurrency.Features.Simulations.GetSimulationDocument;
using Tsuyama.LocalCurrency.Features.Simulations.SavedScenarios;
using Tsuyama.LocalCurrency.Features.Simulations.StartSimulation;
using Tsuyama.LocalCurrency.Features.Simulations.ValidateScenario;
using Tsuyama.LocalCurrency.Simulation.Scenarios;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Chamber;

/// <summary>
/// The scenario editor: start from the baseline, a past run's scenario, the ledger's calibrated scenario
/// or an imported file; edit; check; run (StartSimulation) or export. Adding and removing sector rows are
/// plain posts, so the page works without scripts.
/// </summary>
[RequestSizeLimit(ImportLimitBytes * 2)]
public sealed class IndexModel(IMediator mediator, SiteText text) : PageModel
{
    public const int ImportLimitBytes = 256 * 1024;
    private const string Prefix = nameof(Form);

    [BindProperty] public ScenarioForm Form { get; set; } = new();

    [BindProperty] public string? IdempotencyKey { get; set; }

    /// <summary>Where the scenario in the form came from, shown above it.</summary>
    public string? Source { get; private set; }

    public IReadOnlyList<string> Notes { get; private set; } = [];

    public bool Checked { get; private set; }

    /// <summary>Set after a save: the page shows that scenario with a "saved" note.</summary>
    public bool JustSaved { get; private set; }

    public IReadOnlyList<SavedScenarioSummary> Saved { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Every handler re-renders the editor, and its load panel lists the saved scenarios.
        var saved = await mediator.Send(new ListSavedScenariosQuery(), HttpContext.RequestAborted);
        Saved = saved.IsSuccess ? saved.Value : [];
        await next();
    }

    public async Task<IActionResult> OnGetAsync(Guid? run, Guid? saved, bool justSaved, DateOnly? from, DateOnly? to, bool calibrate, CancellationToken ct)
    {
        if (saved is { } savedId)
        {
            var scenario = await mediator.Send(new GetSavedScenarioQuery(savedId), ct);
            if (!scenario.IsSuccess)
            {
                return NotFound();
            }

            Form = ScenarioForm.FromJson(scenario.Value.ScenarioJson);
            Source = text["Chamber.SourceSaved", scenario.Value.Name, text.DateTime(scenario.Value.CreatedAt)];
            JustSaved = justSaved;
            return Page();
        }

        if (run is { } runId)
        {
            var scenario = await mediator.Send(new GetSimulationDocumentQuery(runId, SimulationDocumentKind.Scenario), ct);
            if (!scenario.IsSuccess)
            {
                return NotFound();
            }

            Form = ScenarioForm.FromJson(scenario.Value.Text);
            Source = text["Chamber.SourceRun", scenario.Value.Title];
            return Page();
        }

        if (calibrate)
        {
            var calibrated = await mediator.Send(new GetCalibratedScenarioQuery(from, to), ct);
            if (calibrated.IsSuccess)
            {
                Form = ScenarioForm.FromJson(calibrated.Value.ScenarioJson);
                Notes = calibrated.Value.Notes;
                Source = text["Chamber.SourceCalibrated"];
                return Page();
            }

            text.AddTo(ModelState, calibrated.Error);
        }

        Form = ScenarioForm.FromJson(ScenarioLoader.ToJson(ScenarioCalibrator.Baseline()));
        Source = text["Chamber.SourceBaseline"];
        return Page();
    }

    public IActionResult OnPostAddSector()
    {
        ModelState.Clear();
        Form.Sectors.Add(new SectorForm { Size = "small" });
        return Page();
    }

    public IActionResult OnPostRemoveSector(int index)
    {
        ModelState.Clear();
        if (index >= 0 && index < Form.Sectors.Count)
        {
            Form.Sectors.RemoveAt(index);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostValidateAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await CheckAsync(Form.ToJson(ModelState, text, Prefix), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var json = Form.ToJson(ModelState, text, Prefix);
        if (!ModelState.IsValid)
        {
            await CheckAsync(json, ct);
            return Page();
        }

        var started = await mediator.Send(new StartSimulationCommand(json, null, User.Scope(), IdempotencyKey), ct);
        if (!started.IsSuccess)
        {
            AddErrors(started.Error);
            return Page();
        }

        return Redirect($"/chamber/runs/{started.Value.RunId}");
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var json = Form.ToJson(ModelState, text, Prefix);
        if (!ModelState.IsValid)
        {
            await CheckAsync(json, ct);
            return Page();
        }

        var saved = await mediator.Send(new SaveScenarioCommand(json, User.Scope(), IdempotencyKey), ct);
        if (!saved.IsSuccess)
        {
            AddErrors(saved.Error);
            return Page();
        }

        return Redirect($"/chamber?saved={saved.Value.ScenarioId}&justSaved=true");
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var json = Form.ToJson(ModelState, text, Prefix);
        if (!ModelState.IsValid)
        {
            await CheckAsync(json, ct);
            return Page();
        }

        return File(Encoding.UTF8.GetBytes(json), "application/json", "scenario.json");
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        ModelState.Clear();
        if (file is null || file.Length == 0 || file.Length > ImportLimitBytes)
        {
            ModelState.AddModelError("file", text["Chamber.ImportMissing"]);
            Form = ScenarioForm.FromJson(ScenarioLoader.ToJson(ScenarioCalibrator.Baseline()));
            Source = text["Chamber.SourceBaseline"];
            return Page();
        }

        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        var json = await reader.ReadToEndAsync(ct);
        try
        {
            Form = ScenarioForm.FromJson(json);
        }
        catch (JsonException)
        {
            ModelState.AddModelError("file", text["Chamber.ImportNotJson"]);
            Form = ScenarioForm.FromJson(ScenarioLoader.ToJson(ScenarioCalibrator.Baseline()));
            Source = text["Chamber.SourceBaseline"];
            return Page();
        }

        Source = text["Chamber.SourceImported", Path.GetFileName(file.FileName)];
        var valid = await mediator.Send(new ValidateScenarioQuery(json), ct);
        if (!valid.IsSuccess)
        {
            AddErrors(valid.Error);
        }

        return Page();
    }

    /// <summary>Every problem at once: the numbers that did not parse (already in ModelState) and the loader's rules.</summary>
    private async Task CheckAsync(string json, CancellationToken ct)
    {
        var valid = await mediator.Send(new ValidateScenarioQuery(json), ct);
        if (!valid.IsSuccess)
        {
            AddErrors(valid.Error);
        }

        Checked = ModelState.IsValid;
    }

    private void AddErrors(Error error)
    {
        if (error.Fields is not { Count: > 0 } fields)
        {
            text.AddTo(ModelState, error);
            return;
        }

        // "scenario" holds the loader's messages, each starting with its path; other keys are fields of the request itself.
        Form.AddErrors(ModelState, fields.SelectMany(f => f.Key == "scenario" ? f.Value : f.Value.Select(m => $"{f.Key} {m}")), text, Prefix);
    }
}
