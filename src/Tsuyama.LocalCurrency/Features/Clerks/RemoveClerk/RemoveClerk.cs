using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Clerks.RemoveClerk;

/// <summary>
/// The owner removes a clerk's sign-in; it can no longer sign in. (A bearer token already issued
/// stays valid until it expires.)
/// </summary>
public sealed record RemoveClerkCommand(Guid MerchantId, Guid UserId) : ICommand<ClerkRemoved>;

public sealed record ClerkRemoved(Guid UserId);

internal sealed class RemoveClerkHandler(LedgerDbContext db, ICurrentActor actor) : IRequestHandler<RemoveClerkCommand, Result<ClerkRemoved>>
{
    public async Task<Result<ClerkRemoved>> Handle(RemoveClerkCommand command, CancellationToken ct)
    {
        if (ShopStaff.OwnerOnly(actor, "manage clerks") is { } clerk)
        {
            return clerk;
        }

        var user = await ClerkQueries.Of(db, command.MerchantId).FirstOrDefaultAsync(u => u.Id == command.UserId, ct).ConfigureAwait(false);
        if (user is null)
        {
            return Error.NotFound("Clerk", command.UserId);
        }

        await db.UserRoles.Where(ur => ur.UserId == user.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        db.Users.Remove(user);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new ClerkRemoved(user.Id);
    }
}
