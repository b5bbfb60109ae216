using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

internal static class LedgerEndpoints
{
    public static RouteGroupBuilder MapLedger(this RouteGroupBuilder api)
    {
        api.MapGet("/ledger/verify", async (string? anchor, IMediator mediator, CancellationToken ct) =>
            (await mediator.Send(new VerifyLedgerQuery(anchor), ct)).ToOk())
            .RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Ledger");
        return api;
    }
}
