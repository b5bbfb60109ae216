using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Identity;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Residents.RegisterResident;

/// <summary>
/// Registers a resident and their wallet. Without a password the resident is served at a counter
/// (purchases and payments on their behalf) and has no sign-in.
/// </summary>
public sealed record RegisterResidentCommand(string Email, string? Password, string DisplayName) : ICommand<ResidentRegistered>;

public sealed record ResidentRegistered(Guid ResidentId);

internal sealed class RegisterResidentValidator : IValidator<RegisterResidentCommand>
{
    public void Validate(RegisterResidentCommand r, ValidationErrors e)
    {
        NewUser.ValidateEmail(e, r.Email);
        if (r.Password is not null)
        {
            NewUser.ValidatePassword(e, r.Password);
        }

        e.NotBlank(r.DisplayName, "displayName", 100);
    }
}

internal sealed class RegisterResidentHandler(LedgerDbContext db, IPasswordHasher<LedgerUser> hasher, TimeProvider clock)
    : IRequestHandler<RegisterResidentCommand, Result<ResidentRegistered>>
{
    public async Task<Result<ResidentRegistered>> Handle(RegisterResidentCommand command, CancellationToken ct)
    {
        var email = command.Email.Trim();
        if (await db.Residents.AnyAsync(x => x.Email == email, ct).ConfigureAwait(false))
        {
            return Error.Conflict($"The e-mail address '{email}' is already registered.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        if (command.Password is not null
            && await NewUser.AddAsync(db, hasher, id, email, command.Password, Roles.Resident, null, ct).ConfigureAwait(false) is { } error)
        {
            return error;
        }

        db.Residents.Add(new Resident { Id = id, Email = email, DisplayName = command.DisplayName.Trim(), CreatedAt = now.UtcDateTime });
        db.Accounts.Add(new Account { Id = id, Type = AccountType.Resident, CreatedAt = now.UtcDateTime });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new ResidentRegistered(id);
    }
}
