using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Identity.ChangePassword;

/// <summary>
/// The signed-in user replaces their password. Field errors are keyed <c>currentPassword</c> and
/// <c>newPassword</c>, so a form can show each beside its field. Every refresh token of the user
/// stops working and the security stamp changes (cookie sign-ins elsewhere end too).
/// </summary>
public sealed record ChangePasswordCommand(Guid UserId, string? CurrentPassword, string? NewPassword) : ICommand<PasswordChanged>;

public sealed record PasswordChanged(Guid UserId);

internal sealed class ChangePasswordValidator : IValidator<ChangePasswordCommand>
{
    public void Validate(ChangePasswordCommand r, ValidationErrors e)
    {
        e.Require(!string.IsNullOrEmpty(r.CurrentPassword), "currentPassword", "is required");
        NewUser.ValidatePassword(e, r.NewPassword, "newPassword");
        e.Require(string.IsNullOrEmpty(r.NewPassword) || r.NewPassword != r.CurrentPassword, "newPassword", "must differ from the current password");
    }
}

internal sealed class ChangePasswordHandler(LedgerDbContext db, IPasswordHasher<LedgerUser> hasher, TimeProvider clock)
    : IRequestHandler<ChangePasswordCommand, Result<PasswordChanged>>
{
    public async Task<Result<PasswordChanged>> Handle(ChangePasswordCommand command, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, ct).ConfigureAwait(false);
        if (user is null)
        {
            return Error.SignInFailed();
        }

        if (user.PasswordHash is null || hasher.VerifyHashedPassword(user, user.PasswordHash, command.CurrentPassword!) == PasswordVerificationResult.Failed)
        {
            return Error.Validation("currentPassword", "is not your current password");
        }

        user.PasswordHash = hasher.HashPassword(user, command.NewPassword!);
        user.PasswordChangeRequired = false;
        user.SecurityStamp = NewUser.NewSecurityStamp();
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await SignInSessions.RevokeAllAsync(db, user.Id, clock.GetUtcNow().UtcDateTime, ct).ConfigureAwait(false);
        return new PasswordChanged(user.Id);
    }
}
