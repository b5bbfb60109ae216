using System.Security.Claims;
using System.Text.Json;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Simulations.GetSimulationRun;
using Tsuyama.LocalCurrency.Features.Simulations.StartSimulation;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>The chamber's circulation simulations (DESIGN §7), run in the background.</summary>
internal static class SimulationEndpoints
{
    public sealed record SimulationRequest(JsonElement? Scenario, int? Runs);

    public static RouteGroupBuilder MapSimulations(this RouteGroupBuilder api)
    {
        var simulations = api.MapGroup("/simulations").WithTags("Simulations").RequireAuthorization(p => p.RequireRole(Roles.Chamber, Roles.Admin));

        simulations.MapPost("", async (SimulationRequest body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                if (body.Scenario is not { ValueKind: JsonValueKind.Object } scenario)
                {
                    return Problems.Validation("scenario", "is required: a scenario object as in DESIGN §7");
                }

                var result = await mediator.Send(new StartSimulationCommand(scenario.GetRawText(), body.Runs, user.Scope()), ct);
                return result.IsSuccess
                    ? TypedResults.Accepted($"/api/v1/simulations/{result.Value.RunId}", result.Value)
                    : Problems.From(result.Error);
            })
            .Produces<SimulationStarted>(202);

        simulations.MapGet("/{runId:guid}", async (Guid runId, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetSimulationRunQuery(runId), ct)).ToOk())
            .Produces<SimulationRunView>();

        simulations.MapGet("/{runId:guid}/report", async (Guid runId, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetSimulationReportQuery(runId), ct) is var r && r.IsSuccess
                    ? TypedResults.Content(r.Value, "text/html; charset=utf-8")
                    : Problems.From(r.Error!))
            .Produces(200, contentType: "text/html");
        return api;
    }
}
