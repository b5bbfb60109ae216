using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Simulation.Reports;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Features.Simulations.GetSimulationDocument;

/// <summary>The files a finished run offers, drawn from what it stored (never run again).</summary>
public enum SimulationDocumentKind
{
    /// <summary>The full report, a self-contained HTML file.</summary>
    Report,

    /// <summary>The inside of the report, for a page that shows it under its own styles.</summary>
    ReportBody,

    /// <summary>The one-page merchant summary as an HTML file.</summary>
    MerchantSummary,

    /// <summary>The merchant summary's body only.</summary>
    MerchantSummaryBody,

    /// <summary>The scenario the run simulated, as JSON (the run's own copy).</summary>
    Scenario,

    /// <summary>One CSV file of the report set; <see cref="GetSimulationDocumentQuery.CsvName"/> says which.</summary>
    Csv,
}

public sealed record GetSimulationDocumentQuery(Guid RunId, SimulationDocumentKind Kind, string? CsvName = null) : IQuery<SimulationDocument>;

/// <param name="Title">The scenario's name.</param>
public sealed record SimulationDocument(string FileName, string ContentType, string Text, string Title)
{
    /// <summary>The file's bytes: UTF-8, with a BOM for CSV (Excel in Japan opens a CSV correctly only with one).</summary>
    public byte[] ToBytes() => ContentType.StartsWith("text/csv", StringComparison.Ordinal)
        ? [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(Text)]
        : System.Text.Encoding.UTF8.GetBytes(Text);
}

internal sealed class GetSimulationDocumentHandler(LedgerDbContext db) : IRequestHandler<GetSimulationDocumentQuery, Result<SimulationDocument>>
{
    public async Task<Result<SimulationDocument>> Handle(GetSimulationDocumentQuery query, CancellationToken ct)
    {
        var run = await db.SimulationRuns.AsNoTracking().Where(x => x.Id == query.RunId)
            .Select(x => new { x.Status, x.ScenarioJson, x.ResultJson, x.ReportHtml }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (run is null)
        {
            return Error.NotFound("Simulation run", query.RunId);
        }

        var title = ListSimulationRuns.ListSimulationRunsHandler.ScenarioName(run.ScenarioJson);
        var stem = $"simulation-{query.RunId:N}";
        if (query.Kind == SimulationDocumentKind.Scenario)
        {
            return new SimulationDocument($"{stem}-scenario.json", "application/json; charset=utf-8", run.ScenarioJson, title);
        }

        if (run.Status != SimulationRunStatus.Succeeded || run.ResultJson is null || run.ReportHtml is null)
        {
            return Error.Rule(ProblemTypes.NotReady, "まだ完了していません / Not finished",
                $"The simulation is {run.Status.ToString().ToLowerInvariant()}; its documents exist once it has succeeded.");
        }

        switch (query.Kind)
        {
            case SimulationDocumentKind.Report:
                return new SimulationDocument($"{stem}-report.html", "text/html; charset=utf-8", run.ReportHtml, title);
            case SimulationDocumentKind.ReportBody:
                return new SimulationDocument($"{stem}-report.html", "text/html; charset=utf-8", ReportWriter.BodyOf(run.ReportHtml), title);
        }

        // The stored scenario passed validation when the run was queued, so it parses again.
        var scenario = ScenarioLoader.Parse(run.ScenarioJson);
        var result = ResultJson.Deserialize(run.ResultJson);
        switch (query.Kind)
        {
            case SimulationDocumentKind.MerchantSummary:
                return new SimulationDocument($"{stem}-merchant-summary.html", "text/html; charset=utf-8",
                    ReportWriter.BuildMerchantSummary(scenario, result), title);
            case SimulationDocumentKind.MerchantSummaryBody:
                return new SimulationDocument($"{stem}-merchant-summary.html", "text/html; charset=utf-8",
                    ReportWriter.BuildMerchantSummarySection(scenario, result), title);
        }

        var csv = ReportWriter.BuildCsv(scenario, result);
        var file = csv.FirstOrDefault(f => string.Equals(f.Name, query.CsvName, StringComparison.Ordinal));
        return file.Name is null
            ? Error.Validation("csv", $"must be one of {string.Join(", ", csv.Select(f => f.Name))}")
            : new SimulationDocument($"{stem}-{file.Name}", "text/csv; charset=utf-8", file.Text, title);
    }
}
