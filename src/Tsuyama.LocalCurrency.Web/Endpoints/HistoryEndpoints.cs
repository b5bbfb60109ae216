using System.Security.Claims;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.History.GetResidentHistory;
using Tsuyama.LocalCurrency.Features.History.GetResidentHistoryEntry;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>利用履歴: a resident's own history, newest first.</summary>
internal static class HistoryEndpoints
{
    public static RouteGroupBuilder MapHistory(this RouteGroupBuilder api)
    {
        var history = api.MapGroup("/history").RequireAuthorization(p => p.RequireRole(Roles.Resident)).WithTags("Residents");

        history.MapGet("", async (int? page, int? pageSize, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetResidentHistoryQuery(user.ResidentId(), page ?? 1, pageSize ?? 20), ct)).ToOk());

        history.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetResidentHistoryEntryQuery(user.ResidentId(), id), ct)).ToOk());
        return api;
    }
}
