using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Clerks.ListClerks;

public sealed record ListClerksQuery(Guid MerchantId) : IQuery<IReadOnlyList<ClerkView>>;

public sealed record ClerkView(Guid UserId, string Email);

internal sealed class ListClerksHandler(LedgerDbContext db, ICurrentActor actor) : IRequestHandler<ListClerksQuery, Result<IReadOnlyList<ClerkView>>>
{
    public async Task<Result<IReadOnlyList<ClerkView>>> Handle(ListClerksQuery query, CancellationToken ct)
    {
        if (ShopStaff.OwnerOnly(actor, "manage clerks") is { } clerk)
        {
            return clerk;
        }

        var clerks = await ClerkQueries.Of(db, query.MerchantId).OrderBy(u => u.Email).Select(u => new ClerkView(u.Id, u.Email ?? ""))
            .ToListAsync(ct).ConfigureAwait(false);
        return clerks;
    }
}
