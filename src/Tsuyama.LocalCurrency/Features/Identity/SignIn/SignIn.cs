using System.Security.Cryptography;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Identity.SignIn;

/// <summary>
/// Checks an e-mail and password, with ASP.NET Identity's per-account lockout (its
/// <c>AccessFailedCount</c>/<c>LockoutEnd</c> columns and <c>Identity:Lockout</c> options: 5 failures →
/// 15 minutes by default). Not an <see cref="ICommand{T}"/>: a refusal must keep the failure it
/// counted, and a command's transaction would roll it back. Every write is one guarded update.
/// </summary>
public sealed record SignInCommand(string? Email, string? Password) : IRequest<Result<SignedInUser>>;

internal sealed class SignInValidator : IValidator<SignInCommand>
{
    public void Validate(SignInCommand r, ValidationErrors e)
    {
        e.NotBlank(r.Email, "email", 256);
        e.Require(!string.IsNullOrEmpty(r.Password), "password", "is required");
        e.Require(r.Password is not { Length: > 1024 }, "password", "must be at most 1024 characters");
    }
}

internal sealed class SignInHandler(LedgerDbContext db, IPasswordHasher<LedgerUser> hasher, IOptions<IdentityOptions> identity, TimeProvider clock,
    WriteGate writeGate) : IRequestHandler<SignInCommand, Result<SignedInUser>>
{
    private const int MaxClaimAttempts = 10;
    private static string? s_dummyHash;

    public async Task<Result<SignedInUser>> Handle(SignInCommand command, CancellationToken ct)
    {
        var normalized = LedgerUser.NormalizeEmail(command.Email!);
        var lockout = identity.Value.Lockout;
        for (var attempt = 0; attempt < MaxClaimAttempts; attempt++)
        {
            var user = await db.Users.AsNoTracking()
                .Where(u => u.NormalizedEmail == normalized && u.DeactivatedAt == null)
                .Select(u => new { u.Id, u.PasswordHash, u.LockoutEnd, u.AccessFailedCount, u.ConcurrencyStamp })
                .SingleOrDefaultAsync(ct).ConfigureAwait(false);
            if (user is null)
            {
                // Same work as for a real account, so the time taken does not tell which addresses exist.
                hasher.VerifyHashedPassword(new LedgerUser(), DummyHash(), command.Password!);
                return Error.SignInFailed();
            }

            var now = clock.GetUtcNow();
            if (user.LockoutEnd is { } end && end > now)
            {
                return Error.LockedOut(end);
            }

            // The attempt is counted as a failure before the password is checked, so guesses sent in
            // parallel cannot all slip in before the lockout: at most MaxFailedAccessAttempts are checked.
            var failures = user.AccessFailedCount + 1;
            var locks = failures >= lockout.MaxFailedAccessAttempts;
            DateTimeOffset? lockedUntil = locks ? now + lockout.DefaultLockoutTimeSpan : null;
            var stamp = user.ConcurrencyStamp;
            int claimed;
            using (await writeGate.EnterAsync(ct).ConfigureAwait(false))
            {
                claimed = await db.Users
                    .Where(u => u.Id == user.Id && u.ConcurrencyStamp == stamp)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(u => u.AccessFailedCount, locks ? 0 : failures)
                        .SetProperty(u => u.LockoutEnd, lockedUntil)
                        .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString("N")), ct).ConfigureAwait(false);
            }

            if (claimed == 0)
            {
                continue; // another sign-in of this account changed it first: read it again
            }

            var stub = new LedgerUser { Id = user.Id };
            var verdict = user.PasswordHash is null ? PasswordVerificationResult.Failed
                : hasher.VerifyHashedPassword(stub, user.PasswordHash, command.Password!);
            if (verdict == PasswordVerificationResult.Failed)
            {
                return lockedUntil is { } until ? Error.LockedOut(until) : Error.SignInFailed();
            }

            var rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(stub, command.Password!) : user.PasswordHash!;
            using (await writeGate.EnterAsync(CancellationToken.None).ConfigureAwait(false))
            {
                // Not cancellable: a correct password must not leave the attempt counted as a failure.
                await db.Users.Where(u => u.Id == user.Id)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(u => u.AccessFailedCount, 0)
                        .SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null)
                        .SetProperty(u => u.PasswordHash, rehashed)
                        .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString("N")), CancellationToken.None).ConfigureAwait(false);
            }

            return await SignedInUser.LoadAsync(db, user.Id, ct).ConfigureAwait(false) is { } signedIn ? signedIn : Error.SignInFailed();
        }

        // Only a storm of parallel sign-ins to one account gets here; refusing is the safe answer.
        return Error.SignInFailed();
    }

    private string DummyHash() => s_dummyHash ??= hasher.HashPassword(new LedgerUser(), RandomNumberGenerator.GetHexString(32));
}
