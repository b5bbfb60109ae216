using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Identity.Sessions;

/// <summary>
/// Ends the caller's session (its refresh token stops working). <paramref name="Everywhere"/> ends
/// every session of the user and changes the security stamp, which also ends cookie sign-ins.
/// </summary>
public sealed record SignOutCommand(Guid UserId, Guid? SessionId, bool Everywhere) : ICommand<SignedOut>;

public sealed record SignedOut(int SessionsEnded);

internal sealed class SignOutHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<SignOutCommand, Result<SignedOut>>
{
    public async Task<Result<SignedOut>> Handle(SignOutCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (command.Everywhere)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, ct).ConfigureAwait(false);
            if (user is not null)
            {
                user.SecurityStamp = NewUser.NewSecurityStamp();
                user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            }

            return new SignedOut(await SignInSessions.RevokeAllAsync(db, command.UserId, now, ct).ConfigureAwait(false));
        }

        var ended = command.SessionId is { } id
            ? await db.SignInSessions.Where(s => s.Id == id && s.UserId == command.UserId && s.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct).ConfigureAwait(false)
            : 0;
        return new SignedOut(ended);
    }
}
