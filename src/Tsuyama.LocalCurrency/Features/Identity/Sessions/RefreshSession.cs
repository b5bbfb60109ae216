using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Common.Behaviours;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Identity.Sessions;

/// <summary>
/// A refresh token for a new one and the user as they are now (roles, password-change flag). Each
/// token works once. Presenting an already-replaced token means two parties hold it: the session is
/// revoked, so the thief and the owner both have to sign in again, and only the owner can.
/// </summary>
public sealed record RefreshSessionCommand(string? RefreshToken) : ICommand<RefreshedSession>;

public sealed record RefreshedSession(SignedInUser User, SessionTokens Session);

internal sealed class RefreshSessionValidator : IValidator<RefreshSessionCommand>
{
    public void Validate(RefreshSessionCommand r, ValidationErrors e) => e.NotBlank(r.RefreshToken, "refreshToken", 200);
}

internal sealed class RefreshSessionHandler(LedgerDbContext db, IOptions<AuthOptions> options, TimeProvider clock, TransactionState transactionState)
    : IRequestHandler<RefreshSessionCommand, Result<RefreshedSession>>
{
    public async Task<Result<RefreshedSession>> Handle(RefreshSessionCommand command, CancellationToken ct)
    {
        var hash = SignInSessions.Hash(command.RefreshToken!.Trim());
        var now = clock.GetUtcNow();
        var session = await db.SignInSessions.AsNoTracking().SingleOrDefaultAsync(s => s.TokenHash == hash, ct).ConfigureAwait(false);
        if (session is null)
        {
            var replaced = await db.SignInSessions.Where(s => s.PreviousTokenHash == hash && s.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now.UtcDateTime), ct).ConfigureAwait(false);
            // The revocation must outlive this refusal.
            transactionState.CommitDespiteFailure = replaced > 0;
            return Refused();
        }

        if (session.RevokedAt is not null || session.ExpiresAt <= now.UtcDateTime)
        {
            return Refused();
        }

        var user = await SignedInUser.LoadAsync(db, session.UserId, ct).ConfigureAwait(false);
        if (user is null)
        {
            return Refused();
        }

        var token = SignInSessions.NewToken();
        var newHash = SignInSessions.Hash(token);
        var expires = (now + options.Value.RefreshTokenLifetime).UtcDateTime;
        var rotated = await db.SignInSessions.Where(s => s.Id == session.Id && s.TokenHash == hash && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.PreviousTokenHash, hash)
                .SetProperty(x => x.TokenHash, newHash)
                .SetProperty(x => x.ExpiresAt, expires), ct).ConfigureAwait(false);
        if (rotated == 0)
        {
            // A concurrent refresh with the same token won; the retry finds it replaced and treats it as reuse.
            throw new ConcurrencyConflictException("The refresh token was used concurrently.");
        }

        return new RefreshedSession(user, new SessionTokens(session.Id, token, expires));
    }

    private static Error Refused() =>
        new(ProblemTypes.Unauthorized, "もう一度サインインしてください / Sign in again", "The refresh token is unknown, used, expired or revoked.", 401);
}
