using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Identity;
using Tsuyama.LocalCurrency.Features.Stores;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;

public sealed record PayoutDetails(string BankCode, string BranchCode, BankAccountType AccountType, string AccountNumber, string HolderKana);

public sealed record RegisterMerchantCommand(
    string Name,
    string NameKana,
    string NameRomaji,
    string Category,
    MerchantSize Size,
    string PostalCode,
    string OwnerEmail,
    string? OwnerPassword,
    PayoutDetails Payout) : ICommand<MerchantRegistered>;

/// <param name="StoreNumber">店舗番号 printed under the QR on the sticker.</param>
public sealed record MerchantRegistered(Guid MerchantId, string StoreNumber);

internal sealed class RegisterMerchantValidator : IValidator<RegisterMerchantCommand>
{
    public void Validate(RegisterMerchantCommand r, ValidationErrors e)
    {
        e.NotBlank(r.Name, "name", 100);
        e.NotBlank(r.NameKana, "nameKana", 100);
        e.NotBlank(r.NameRomaji, "nameRomaji", 25);
        e.Require(r.NameRomaji is null || r.NameRomaji.All(c => c is >= ' ' and <= '~'), "nameRomaji", "must be printable ASCII (it is printed in the QR code)");
        e.Digits(r.Category, "category", 4, 4);
        e.Require(Enum.IsDefined(r.Size), "size", "must be small or large");
        e.Digits(r.PostalCode?.Replace("-", "", StringComparison.Ordinal), "postalCode", 7, 7);
        NewUser.ValidateEmail(e, r.OwnerEmail);
        if (r.OwnerPassword is not null)
        {
            NewUser.ValidatePassword(e, r.OwnerPassword);
        }

        if (r.Payout is null)
        {
            e.Add("payout", "is required");
            return;
        }

        e.Digits(r.Payout.BankCode, "payout.bankCode", 4, 4);
        e.Digits(r.Payout.BranchCode, "payout.branchCode", 3, 3);
        e.Require(Enum.IsDefined(r.Payout.AccountType), "payout.accountType", "must be 1 (ordinary), 2 (current), 4 (savings) or 9 (other)");
        e.Digits(r.Payout.AccountNumber, "payout.accountNumber", 7, 7);
        e.NotBlank(r.Payout.HolderKana, "payout.holderKana", 60);
    }
}

internal sealed class RegisterMerchantHandler(LedgerDbContext db, IPasswordHasher<LedgerUser> hasher, TimeProvider clock)
    : IRequestHandler<RegisterMerchantCommand, Result<MerchantRegistered>>
{
    public async Task<Result<MerchantRegistered>> Handle(RegisterMerchantCommand r, CancellationToken ct)
    {
        var email = r.OwnerEmail.Trim();
        if (await db.Merchants.AnyAsync(m => m.OwnerEmail == email, ct).ConfigureAwait(false))
        {
            return Error.Conflict($"A merchant owned by '{email}' is already registered.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        if (r.OwnerPassword is not null
            && await NewUser.AddAsync(db, hasher, Guid.CreateVersion7(now), email, r.OwnerPassword, Roles.Merchant, id, ct).ConfigureAwait(false) is { } error)
        {
            return error;
        }

        var storeNumber = await StoreNumberAllocator.NextAsync(db, null, ct).ConfigureAwait(false);
        db.Merchants.Add(new Merchant
        {
            StoreNumber = storeNumber,
            Id = id,
            Name = r.Name.Trim(),
            NameKana = r.NameKana.Trim(),
            NameRomaji = r.NameRomaji.Trim(),
            Category = r.Category,
            Size = r.Size,
            PostalCode = r.PostalCode.Replace("-", "", StringComparison.Ordinal),
            OwnerEmail = email,
            Payout = new PayoutAccount
            {
                BankCode = r.Payout.BankCode,
                BranchCode = r.Payout.BranchCode,
                AccountType = r.Payout.AccountType,
                AccountNumber = r.Payout.AccountNumber,
                HolderKana = r.Payout.HolderKana.Trim(),
            },
            CreatedAt = now.UtcDateTime,
        });
        db.Accounts.Add(new Account { Id = id, Type = AccountType.Merchant, CreatedAt = now.UtcDateTime });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new MerchantRegistered(id, storeNumber);
    }
}
