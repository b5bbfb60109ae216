using System.Security.Claims;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Settlements;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlement;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlementStatement;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlementZengin;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>換金・精算: the issuer settles a cutoff; merchants read their own statements.</summary>
internal static class SettlementEndpoints
{
    public sealed record SettlementRequest(DateOnly? Cutoff);

    public static RouteGroupBuilder MapSettlements(this RouteGroupBuilder api)
    {
        var settlements = api.MapGroup("/settlements").WithTags("Settlements");
        var admin = settlements.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.Admin));

        admin.MapPost("", async (SettlementRequest body, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
                body.Cutoff is not { } cutoff
                    ? Problems.Validation("cutoff", "is required (yyyy-MM-dd, JST)")
                    : (await mediator.Send(new RunSettlementCommand(cutoff, user.Scope(), http.IdempotencyKey()), ct))
                        .ToCreated(r => $"/api/v1/settlements/{r.SettlementId}"))
            .RequiresIdempotencyKey().ProducesProblem(422);

        admin.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetSettlementQuery(id), ct)).ToOk());

        admin.MapGet("/{id:guid}/zengin", async (Guid id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetSettlementZenginQuery(id), ct)).ToFile())
            .Produces(200, contentType: "text/plain").ProducesProblem(422);

        settlements.MapGet("/{id:guid}/statements/{merchantId:guid}", async (Guid id, Guid merchantId,
            string? format, IMediator mediator, CancellationToken ct) =>
            {
                StatementFormat? kind = format?.ToLowerInvariant() switch
                {
                    null or "" or "html" => StatementFormat.Html,
                    "csv" => StatementFormat.Csv,
                    _ => null,
                };
                return kind is null
                    ? Problems.Validation("format", "must be html or csv")
                    : (await mediator.Send(new GetSettlementStatementQuery(id, merchantId, kind.Value), ct)).ToFile();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Merchant)).Produces(200, contentType: "text/html");
        return api;
    }
}
