using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Identity.CurrentUser;

/// <summary>
/// Re-checks a kept sign-in (e.g. a cookie) against the user as they are now: refused once the
/// security stamp changed (password change, reset, sign-out everywhere) or the user is gone.
/// </summary>
public sealed record GetCurrentUserQuery(Guid UserId, string? SecurityStamp) : IQuery<SignedInUser>;

internal sealed class GetCurrentUserHandler(LedgerDbContext db) : IRequestHandler<GetCurrentUserQuery, Result<SignedInUser>>
{
    public async Task<Result<SignedInUser>> Handle(GetCurrentUserQuery r, CancellationToken ct)
    {
        var user = await SignedInUser.LoadAsync(db, r.UserId, ct).ConfigureAwait(false);
        return user is not null && string.Equals(user.SecurityStamp, r.SecurityStamp, StringComparison.Ordinal)
            ? user
            : new Error(ProblemTypes.Unauthorized, "もう一度サインインしてください / Sign in again", "This sign-in has ended.", 401);
    }
}
