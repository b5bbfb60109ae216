using System.Text.Json.Nodes;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Analytics.Calibration;
using Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>Observed circulation, aggregated so that no figure describes fewer than 3 merchants.</summary>
internal static class AnalyticsEndpoints
{
    public sealed record CalibratedScenarioView(JsonNode Scenario, IReadOnlyList<string> Notes);

    public static RouteGroupBuilder MapAnalytics(this RouteGroupBuilder api)
    {
        var analytics = api.MapGroup("/analytics").WithTags("Analytics").RequireAuthorization(p => p.RequireRole(Roles.Chamber, Roles.Admin));

        analytics.MapGet("/circulation", async (DateOnly? from, DateOnly? to, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetCirculationQuery(from, to), ct)).ToOk())
            .ProducesProblem(422);

        // The calibrated scenario is a ready body for POST /api/v1/simulations {scenario}.
        analytics.MapGet("/circulation/scenario", async (DateOnly? from, DateOnly? to, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetCalibratedScenarioQuery(from, to), ct))
                    .ToOk(c => new CalibratedScenarioView(JsonNode.Parse(c.ScenarioJson)!, c.Notes)))
            .ProducesProblem(422);
        return api;
    }
}
