using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Identity;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Clerks.AddClerk;

/// <summary>The shop owner adds a clerk sign-in for the till (<see cref="Roles.Clerk"/>).</summary>
public sealed record AddClerkCommand(Guid MerchantId, string Email, string Password) : ICommand<ClerkAdded>;

public sealed record ClerkAdded(Guid UserId, string Email);

internal sealed class AddClerkValidator : IValidator<AddClerkCommand>
{
    public void Validate(AddClerkCommand r, ValidationErrors e) => NewUser.ValidateCredentials(e, r.Email, r.Password);
}

internal sealed class AddClerkHandler(LedgerDbContext db, IPasswordHasher<LedgerUser> hasher, TimeProvider clock, ICurrentActor actor)
    : IRequestHandler<AddClerkCommand, Result<ClerkAdded>>
{
    public async Task<Result<ClerkAdded>> Handle(AddClerkCommand command, CancellationToken ct)
    {
        if (ShopStaff.OwnerOnly(actor, "add clerks") is { } clerk)
        {
            return clerk;
        }

        if (!await db.Merchants.AnyAsync(m => m.Id == command.MerchantId, ct).ConfigureAwait(false))
        {
            return Error.NotFound("Merchant", command.MerchantId);
        }

        var id = Guid.CreateVersion7(clock.GetUtcNow());
        if (await NewUser.AddAsync(db, hasher, id, command.Email, command.Password, Roles.Clerk, command.MerchantId, ct).ConfigureAwait(false) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new ClerkAdded(id, command.Email.Trim());
    }
}
