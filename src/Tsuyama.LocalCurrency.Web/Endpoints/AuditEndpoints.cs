using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Audit.ExportAuditLog;
using Tsuyama.LocalCurrency.Features.Audit.GetAuditLog;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>The staff audit log: read and export only; there is no route that changes or removes an entry.</summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Audit");

        audit.MapGet("", async (string? user, string? role, string? action, DateTimeOffset? from, DateTimeOffset? to, string? outcome, string? record,
                    int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetAuditLogQuery(new AuditFilter(user, role, action, from, to, outcome, record), page ?? 1, pageSize ?? 50), ct))
                    .ToOk())
            .WithDescription("Filters: user (e-mail or id), role, action (part of the command name), from/to (ISO 8601, to exclusive), outcome, " +
                "record (part of the record id, e.g. a merchant id).");

        audit.MapGet("/csv", async (string? user, string? role, string? action, DateTimeOffset? from, DateTimeOffset? to, string? outcome, string? record,
                    IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ExportAuditLogQuery(new AuditFilter(user, role, action, from, to, outcome, record)), ct)).ToFile())
            .Produces(200, contentType: "text/csv");
        return api;
    }
}
