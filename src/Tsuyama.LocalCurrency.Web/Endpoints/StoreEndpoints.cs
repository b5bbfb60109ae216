using MediatR;
using Tsuyama.LocalCurrency.Features.Stores;
using Tsuyama.LocalCurrency.Features.Stores.GetStoreByNumber;
using Tsuyama.LocalCurrency.Features.Stores.GetStoreDirectory;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>使えるお店: the public store directory, readable without signing in.</summary>
internal static class StoreEndpoints
{
    public static RouteGroupBuilder MapStores(this RouteGroupBuilder api)
    {
        var stores = api.MapGroup("/stores").AllowAnonymous().WithTags("Stores");

        stores.MapGet("", async (string? q, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetStoreDirectoryQuery(q, page ?? 1, pageSize ?? 20), ct)).ToOk());

        stores.MapGet("/{storeNumber}", async (string storeNumber, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetStoreByNumberQuery(storeNumber), ct)).ToOk());
        return api;
    }
}
