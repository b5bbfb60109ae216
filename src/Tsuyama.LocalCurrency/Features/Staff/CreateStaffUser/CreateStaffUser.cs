using MediatR;
using Microsoft.AspNetCore.Identity;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Identity;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Staff.CreateStaffUser;

/// <summary>The issuer adds a city (Admin) or chamber of commerce (Chamber) sign-in.</summary>
/// <param name="PasswordChangeRequired">The user must choose their own password at the first sign-in (the bootstrap Admin in Production).</param>
public sealed record CreateStaffUserCommand(string Email, string Password, string Role, bool PasswordChangeRequired = false) : ICommand<StaffUserCreated>;

public sealed record StaffUserCreated(Guid UserId, string Role);

internal sealed class CreateStaffUserValidator : IValidator<CreateStaffUserCommand>
{
    public void Validate(CreateStaffUserCommand r, ValidationErrors e)
    {
        NewUser.ValidateCredentials(e, r.Email, r.Password);
        e.Require(r.Role is Roles.Admin or Roles.Chamber or Roles.Counter, "role", "must be Admin, Chamber or Counter");
    }
}

internal sealed class CreateStaffUserHandler(LedgerDbContext db, IPasswordHasher<LedgerUser> hasher, TimeProvider clock)
    : IRequestHandler<CreateStaffUserCommand, Result<StaffUserCreated>>
{
    public async Task<Result<StaffUserCreated>> Handle(CreateStaffUserCommand command, CancellationToken ct)
    {
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        if (await NewUser.AddAsync(db, hasher, id, command.Email, command.Password, command.Role, null, ct, command.PasswordChangeRequired)
            .ConfigureAwait(false) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new StaffUserCreated(id, command.Role);
    }
}
