using MediatR;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Identity.Sessions;

/// <summary>After a successful <see cref="SignIn.SignInCommand"/>: a session for a device that holds bearer tokens.</summary>
public sealed record StartSessionCommand(Guid UserId) : ICommand<SessionTokens>;

/// <param name="RefreshToken">Shown once; only its hash is kept.</param>
public sealed record SessionTokens(Guid SessionId, string RefreshToken, DateTimeOffset ExpiresAt);

internal sealed class StartSessionHandler(LedgerDbContext db, IOptions<AuthOptions> options, TimeProvider clock)
    : IRequestHandler<StartSessionCommand, Result<SessionTokens>>
{
    public Task<Result<SessionTokens>> Handle(StartSessionCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = SignInSessions.NewToken();
        var session = new SignInSession
        {
            Id = Guid.CreateVersion7(now),
            UserId = command.UserId,
            TokenHash = SignInSessions.Hash(token),
            CreatedAt = now.UtcDateTime,
            ExpiresAt = (now + options.Value.RefreshTokenLifetime).UtcDateTime,
        };
        db.SignInSessions.Add(session);
        return Task.FromResult<Result<SessionTokens>>(new SessionTokens(session.Id, token, session.ExpiresAt));
    }
}
