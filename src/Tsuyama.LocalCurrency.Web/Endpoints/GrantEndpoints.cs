using System.Security.Claims;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Grants.CreateGrantBudget;
using Tsuyama.LocalCurrency.Features.Grants.GrantFromCsv;
using Tsuyama.LocalCurrency.Features.Grants.GrantPoints;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>City grants (行政ポイント): named budgets, single grants and CSV bulk grants. Admin only.</summary>
internal static class GrantEndpoints
{
    public sealed record GrantRequest(string? Resident, long Points, string? Reason, string? Key);

    public static RouteGroupBuilder MapGrants(this RouteGroupBuilder api)
    {
        api.MapPost("/grant-budgets", async (CreateGrantBudgetCommand body, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(body, ct)).ToCreated(r => $"/api/v1/grant-budgets/{r.Code}"))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Grants").ProducesProblem(409);

        api.MapPost("/grant-budgets/{code}/grants", async (string code, GrantRequest body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GrantPointsCommand(code, body.Resident ?? "", body.Points, body.Reason ?? "", body.Key ?? "", user.Scope()),
                    ct)).ToOk())
            .RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Grants").ProducesProblem(409).ProducesProblem(422);

        api.MapPost("/grant-budgets/{code}/grants/csv", async (string code, HttpRequest request, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
            {
                using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
                var csv = await reader.ReadToEndAsync(ct);
                return (await mediator.Send(new GrantFromCsvCommand(code, csv, user.Scope()), ct)).ToOk();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Grants")
            // No Accepts("text/csv"): its content-type matcher would answer 415 before authorization.
            .WithDescription("Body: text/csv (UTF-8) with header resident,points,reason,key; " +
                "the report has one row per line: granted, alreadyGranted or refused (with why).").ProducesProblem(422);
        return api;
    }
}
