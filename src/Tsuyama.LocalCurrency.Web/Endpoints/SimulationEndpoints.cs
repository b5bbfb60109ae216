using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Simulations.CheckShop;
using Tsuyama.LocalCurrency.Features.Simulations.CompareRuns;
using Tsuyama.LocalCurrency.Features.Simulations.CompareScenarios;
using Tsuyama.LocalCurrency.Features.Simulations.GetSimulationDocument;
using Tsuyama.LocalCurrency.Features.Simulations.ListSimulationRuns;
using Tsuyama.LocalCurrency.Features.Simulations.SavedScenarios;
using Tsuyama.LocalCurrency.Features.Simulations.ValidateScenario;
using Tsuyama.LocalCurrency.Features.Simulations.GetSimulationRun;
using Tsuyama.LocalCurrency.Features.Simulations.StartSimulation;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.ShopCheck;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>The chamber's circulation simulations (DESIGN §7), run in the background.</summary>
internal static class SimulationEndpoints
{
    public sealed record SimulationRequest(JsonElement? Scenario, int? Runs);

    public sealed record ComparisonRequest(JsonElement[]? Scenarios);

    public sealed record SweepRequest(JsonElement? Scenario, string? Parameter, double? From, double? To, double? Step);

    public sealed record ShopCheckRequest(
        long? MonthlySalesYen, double? LocalSupplierShare, long? LocalWagesYen, double? SupplierLocalRespendShare, double? StaffLocalSpendShare);

    public sealed record ComparisonResponse(ComparisonResult Comparison);

    public sealed record SavedScenarioResponse(Guid ScenarioId, string Name, JsonNode Scenario, DateTime CreatedAt);

    public sealed record SweepResponse(SweepResult Sweep);

    public static RouteGroupBuilder MapSimulations(this RouteGroupBuilder api)
    {
        var simulations = api.MapGroup("/simulations").WithTags("Simulations").RequireAuthorization(p => p.RequireRole(Roles.Chamber, Roles.Admin));

        simulations.MapPost("", async (SimulationRequest body, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                if (body.Scenario is not { ValueKind: JsonValueKind.Object } scenario)
                {
                    return Problems.Validation("scenario", "is required: a scenario object as in DESIGN §7");
                }

                return (await mediator.Send(new StartSimulationCommand(scenario.GetRawText(), body.Runs, user.Scope(), http.IdempotencyKey()), ct))
                    .ToAccepted(r => $"/api/v1/simulations/{r.RunId}");
            })
            .ProducesProblem(422);

        // Comparisons and sweeps use the exact model only (milliseconds), so they answer at once instead of queuing a run.
        simulations.MapPost("/comparisons", async (ComparisonRequest body, IMediator mediator, CancellationToken ct) =>
            {
                if (body.Scenarios is not { } scenarios || scenarios.Any(s => s.ValueKind != JsonValueKind.Object))
                {
                    return Problems.Validation("scenarios", "is required: an array of scenario objects as in DESIGN §7");
                }

                return (await mediator.Send(new CompareScenariosQuery([.. scenarios.Select(s => s.GetRawText())]), ct)).ToOk(c => new ComparisonResponse(c));
            })
            .ProducesProblem(422);

        simulations.MapPost("/sweeps", async (SweepRequest body, IMediator mediator, CancellationToken ct) =>
            {
                if (body.Scenario is not { ValueKind: JsonValueKind.Object } scenario)
                {
                    return Problems.Validation("scenario", "is required: a scenario object as in DESIGN §7");
                }

                if (string.IsNullOrWhiteSpace(body.Parameter) || body.From is not { } from || body.To is not { } to || body.Step is not { } step)
                {
                    return Problems.Validation("parameter", "parameter, from, to and step are required (names: simulations/scenarios/README.md)");
                }

                return (await mediator.Send(new SweepScenarioQuery(scenario.GetRawText(), body.Parameter, from, to, step), ct)).ToOk(s => new SweepResponse(s));
            })
            .ProducesProblem(422);

        // A shop checks itself: open to merchants too; a signed-in shop also gets its own ledger figures, never another's.
        api.MapPost("/simulations/shop-check", async (
                ShopCheckRequest body, ClaimsPrincipal user, TimeProvider clock, IMediator mediator, CancellationToken ct) =>
            {
                var merchantId = user.IsInRole(Roles.Merchant) ? user.MerchantId() : null;
                return (await mediator.Send(new CheckShopQuery(body.MonthlySalesYen, body.LocalSupplierShare, body.LocalWagesYen,
                    body.SupplierLocalRespendShare, body.StaffLocalSpendShare, merchantId, clock.GetUtcNow()), ct)).ToOk();
            })
            .WithTags("Simulations")
            .RequireAuthorization(p => p.RequireRole(Roles.Merchant, Roles.Chamber, Roles.Admin));

        simulations.MapGet("", async (int? take, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ListSimulationRunsQuery(take ?? ListSimulationRunsQuery.DefaultTake), ct)).ToOk());

        // The same checks a run applies, without queuing one: each message starts with the field's path.
        simulations.MapPost("/validation", async (SimulationRequest body, IMediator mediator, CancellationToken ct) =>
            {
                if (body.Scenario is not { ValueKind: JsonValueKind.Object } scenario)
                {
                    return Problems.Validation("scenario", "is required: a scenario object as in DESIGN §7");
                }

                return (await mediator.Send(new ValidateScenarioQuery(scenario.GetRawText()), ct)).ToOk();
            })
            .ProducesProblem(422);

        // Saved scenarios: each save is a new one; only a scenario that passes the checks is saved.
        simulations.MapPost("/scenarios", async (SimulationRequest body, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                if (body.Scenario is not { ValueKind: JsonValueKind.Object } scenario)
                {
                    return Problems.Validation("scenario", "is required: a scenario object as in DESIGN §7");
                }

                return (await mediator.Send(new SaveScenarioCommand(scenario.GetRawText(), user.Scope(), http.IdempotencyKey()), ct))
                    .ToCreated(s => $"/api/v1/simulations/scenarios/{s.ScenarioId}");
            })
            .ProducesProblem(422);

        simulations.MapGet("/scenarios", async (IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ListSavedScenariosQuery(), ct)).ToOk());

        simulations.MapGet("/scenarios/{scenarioId:guid}", async (Guid scenarioId, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetSavedScenarioQuery(scenarioId), ct))
                    .ToOk(s => new SavedScenarioResponse(s.ScenarioId, s.Name, JsonNode.Parse(s.ScenarioJson)!, s.CreatedAt)));

        // Two stored runs side by side (exact model over their scenarios).
        simulations.MapGet("/comparisons", async (Guid? first, Guid? second, IMediator mediator, CancellationToken ct) =>
            {
                if (first is not { } a || second is not { } b)
                {
                    return Problems.Validation("first", "first and second are required: two run ids");
                }

                return (await mediator.Send(new CompareRunsQuery(a, b), ct)).ToOk(c => new ComparisonResponse(c));
            })
            .ProducesProblem(404).ProducesProblem(422);

        simulations.MapGet("/{runId:guid}/merchant-summary", (Guid runId, IMediator mediator, CancellationToken ct) =>
                DocumentAsync(mediator, new GetSimulationDocumentQuery(runId, SimulationDocumentKind.MerchantSummary), attachment: false, ct))
            .Produces(200, contentType: "text/html").ProducesProblem(422);

        simulations.MapGet("/{runId:guid}/scenario", (Guid runId, IMediator mediator, CancellationToken ct) =>
                DocumentAsync(mediator, new GetSimulationDocumentQuery(runId, SimulationDocumentKind.Scenario), attachment: false, ct))
            .Produces(200, contentType: "application/json").ProducesProblem(422);

        simulations.MapGet("/{runId:guid}/csv/{name}", (Guid runId, string name, IMediator mediator, CancellationToken ct) =>
                DocumentAsync(mediator, new GetSimulationDocumentQuery(runId, SimulationDocumentKind.Csv, name), attachment: true, ct))
            .Produces(200, contentType: "text/csv").ProducesProblem(422);

        simulations.MapGet("/{runId:guid}", async (Guid runId, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetSimulationRunQuery(runId), ct)).ToOk())
            .ProducesProblem(422);

        simulations.MapGet("/{runId:guid}/report", async (Guid runId, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetSimulationReportQuery(runId), ct) is var r && r.IsSuccess
                    ? TypedResults.Content(r.Value, "text/html; charset=utf-8")
                    : (Results<ContentHttpResult, ApiProblem>)Problems.From(r.Error!))
            .Produces(200, contentType: "text/html").ProducesProblem(422);
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ApiProblem>> DocumentAsync(
        IMediator mediator, GetSimulationDocumentQuery query, bool attachment, CancellationToken ct)
    {
        var document = await mediator.Send(query, ct);
        if (!document.IsSuccess)
        {
            return Problems.From(document.Error);
        }

        var d = document.Value;
        return TypedResults.File(d.ToBytes(), d.ContentType, attachment ? d.FileName : null);
    }
}
