using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Identity;

/// <summary>
/// Adds a sign-in user and its role to the command's own transaction, so a registration either
/// creates both the ledger party and its login or neither.
/// </summary>
internal static class NewUser
{
    public static async Task<Error?> AddAsync(LedgerDbContext db, IPasswordHasher<LedgerUser> hasher, Guid id, string email, string password, string role,
        Guid? merchantId, CancellationToken ct, bool passwordChangeRequired = false)
    {
        var normalized = LedgerUser.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct).ConfigureAwait(false))
        {
            return Error.Conflict($"The e-mail address '{email}' is already registered.");
        }

        var user = new LedgerUser
        {
            Id = id,
            UserName = email.Trim(),
            NormalizedUserName = normalized,
            Email = email.Trim(),
            NormalizedEmail = normalized,
            EmailConfirmed = true,
            SecurityStamp = NewSecurityStamp(),
            ConcurrencyStamp = Guid.NewGuid().ToString("N"),
            MerchantId = merchantId,
            PasswordChangeRequired = passwordChangeRequired,
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = id, RoleId = Roles.Ids[role] });
        return null;
    }

    public static void ValidateCredentials(ValidationErrors e, string? email, string? password)
    {
        ValidateEmail(e, email);
        ValidatePassword(e, password);
    }

    public static void ValidateEmail(ValidationErrors e, string? email) =>
        e.Require(email is { Length: > 3 and <= 256 } && email.Contains('@', StringComparison.Ordinal) && !email.Contains(' ', StringComparison.Ordinal),
            "email", "must be an e-mail address");

    public static void ValidatePassword(ValidationErrors e, string? password, string field = "password") =>
        e.Require(IsAcceptablePassword(password), field, "must be 8–128 characters with letters and digits");

    public static bool IsAcceptablePassword(string? password) =>
        password is { Length: >= 8 and <= 128 } && password.Any(char.IsLetter) && password.Any(char.IsDigit);

    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");
}
