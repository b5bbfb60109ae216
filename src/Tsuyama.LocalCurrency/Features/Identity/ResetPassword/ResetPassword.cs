using System.Security.Cryptography;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Identity.ResetPassword;

/// <summary>
/// An Admin gives a user who forgot their password a temporary one (generated here, shown once to
/// the Admin). The user must choose their own at the next sign-in; their sessions end and a lockout
/// is lifted.
/// </summary>
public sealed record ResetPasswordCommand(string? Email) : ICommand<PasswordReset>;

public sealed record PasswordReset(Guid UserId, string Email, string TemporaryPassword);

internal sealed class ResetPasswordValidator : IValidator<ResetPasswordCommand>
{
    public void Validate(ResetPasswordCommand r, ValidationErrors e) => e.NotBlank(r.Email, "email", 256);
}

internal sealed class ResetPasswordHandler(LedgerDbContext db, IPasswordHasher<LedgerUser> hasher, TimeProvider clock)
    : IRequestHandler<ResetPasswordCommand, Result<PasswordReset>>
{
    // No 0/O, 1/l/I: the Admin reads it out or writes it down.
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<Result<PasswordReset>> Handle(ResetPasswordCommand command, CancellationToken ct)
    {
        var normalized = LedgerUser.NormalizeEmail(command.Email!);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct).ConfigureAwait(false);
        if (user is null)
        {
            return Error.NotFound("User", command.Email!.Trim());
        }

        var temporary = NewTemporaryPassword();
        user.PasswordHash = hasher.HashPassword(user, temporary);
        user.PasswordChangeRequired = true;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        user.SecurityStamp = NewUser.NewSecurityStamp();
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await SignInSessions.RevokeAllAsync(db, user.Id, clock.GetUtcNow().UtcDateTime, ct).ConfigureAwait(false);
        return new PasswordReset(user.Id, user.Email ?? "", temporary);
    }

    internal static string NewTemporaryPassword()
    {
        while (true)
        {
            var candidate = RandomNumberGenerator.GetString(Alphabet, 12);
            if (NewUser.IsAcceptablePassword(candidate))
            {
                return candidate;
            }
        }
    }
}
