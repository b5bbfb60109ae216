using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Identity;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Settlement;

namespace Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;

public sealed record PayoutDetails(string BankCode, string BranchCode, BankAccountType AccountType, string AccountNumber, string HolderKana)
{
    /// <summary>Every field the bank file could not carry, under <c>payout.*</c>; the one rule is <see cref="PayoutRules"/>.</summary>
    internal static void Validate(PayoutDetails? payout, ValidationErrors e)
    {
        if (payout is null)
        {
            e.Add("payout", "is required");
            return;
        }

        foreach (var (field, problem) in PayoutRules.Problems(payout.BankCode, payout.BranchCode, payout.AccountType, payout.AccountNumber, payout.HolderKana))
        {
            e.Add($"payout.{field}", problem);
        }
    }

    /// <summary>The account as stored: the holder name in the half-width bank kana the Zengin file writes.</summary>
    internal PayoutAccount ToAccount()
    {
        PayoutRules.TryNormaliseHolder(HolderKana, out var holder, out _);
        return new PayoutAccount { BankCode = BankCode, BranchCode = BranchCode, AccountType = AccountType, AccountNumber = AccountNumber, HolderKana = holder };
    }
}

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

public sealed record MerchantRegistered(Guid MerchantId);

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

        PayoutDetails.Validate(r.Payout, e);
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

        db.Merchants.Add(new Merchant
        {
            Id = id,
            Name = r.Name.Trim(),
            NameKana = r.NameKana.Trim(),
            NameRomaji = r.NameRomaji.Trim(),
            Category = r.Category,
            Size = r.Size,
            PostalCode = r.PostalCode.Replace("-", "", StringComparison.Ordinal),
            OwnerEmail = email,
            Payout = r.Payout.ToAccount(),
            CreatedAt = now.UtcDateTime,
        });
        db.Accounts.Add(new Account { Id = id, Type = AccountType.Merchant, CreatedAt = now.UtcDateTime });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new MerchantRegistered(id);
    }
}
