using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Identity.CurrentUser;

/// <summary>
/// Re-checks a kept sign-in (a cookie, or a staff bearer token) against the user as they are now:
/// refused once the security stamp changed (password change, reset, sign-out everywhere), the user
/// is gone, or — when <paramref name="SessionId"/> is given — that session was signed out or expired.
/// </summary>
public sealed record GetCurrentUserQuery(Guid UserId, string? SecurityStamp, Guid? SessionId = null) : IQuery<SignedInUser>;

internal sealed class GetCurrentUserHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<GetCurrentUserQuery, Result<SignedInUser>>
{
    public async Task<Result<SignedInUser>> Handle(GetCurrentUserQuery query, CancellationToken ct)
    {
        var user = await SignedInUser.LoadAsync(db, query.UserId, ct).ConfigureAwait(false);
        if (user is null || !string.Equals(user.SecurityStamp, query.SecurityStamp, StringComparison.Ordinal))
        {
            return Ended();
        }

        if (query.SessionId is { } id)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var live = await db.SignInSessions.AsNoTracking()
                .AnyAsync(s => s.Id == id && s.UserId == query.UserId && s.RevokedAt == null && s.ExpiresAt > now, ct).ConfigureAwait(false);
            if (!live)
            {
                return Ended();
            }
        }

        return user;
    }

    private static Error Ended() => new(ProblemTypes.Unauthorized, "もう一度サインインしてください / Sign in again", "This sign-in has ended.", 401);
}
