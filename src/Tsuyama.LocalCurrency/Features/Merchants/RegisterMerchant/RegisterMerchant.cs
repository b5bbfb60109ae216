using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Identity;
using Tsuyama.LocalCurrency.Features.Stores;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Payouts;

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
        return new PayoutAccount
        {
            BankCode = BankCode,
            BranchCode = BranchCode,
            AccountType = AccountType,
            AccountNumber = AccountNumber,
            HolderKana = holder,
        };
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

/// <param name="StoreNumber">店舗番号 printed under the QR on the sticker.</param>
public sealed record MerchantRegistered(Guid MerchantId, string StoreNumber);

internal sealed class RegisterMerchantValidator : IValidator<RegisterMerchantCommand>
{
    public void Validate(RegisterMerchantCommand r, ValidationErrors e)
    {
        ValidateShop(e, r.Name, r.NameKana, r.NameRomaji, r.Category, r.Size, r.PostalCode);
        NewUser.ValidateEmail(e, r.OwnerEmail);
        if (r.OwnerPassword is not null)
        {
            NewUser.ValidatePassword(e, r.OwnerPassword);
        }

        PayoutDetails.Validate(r.Payout, e);
    }

    /// <summary>The shop's own fields, at registration and when an Admin edits them (UpdateMerchant).</summary>
    internal static void ValidateShop(ValidationErrors e, string? name, string? nameKana, string? nameRomaji, string? category, MerchantSize size,
        string? postalCode)
    {
        e.NotBlank(name, "name", 100);
        e.NotBlank(nameKana, "nameKana", 100);
        e.NotBlank(nameRomaji, "nameRomaji", 25);
        e.Require(nameRomaji is null || nameRomaji.All(c => c is >= ' ' and <= '~'), "nameRomaji", "must be printable ASCII (it is printed in the QR code)");
        e.Digits(category, "category", 4, 4);
        e.Require(Enum.IsDefined(size), "size", "must be small or large");
        e.Digits(postalCode?.Replace("-", "", StringComparison.Ordinal), "postalCode", 7, 7);
    }
}

internal sealed class RegisterMerchantHandler(LedgerDbContext db, IPasswordHasher<LedgerUser> hasher, TimeProvider clock)
    : IRequestHandler<RegisterMerchantCommand, Result<MerchantRegistered>>
{
    public async Task<Result<MerchantRegistered>> Handle(RegisterMerchantCommand command, CancellationToken ct)
    {
        var email = command.OwnerEmail.Trim();
        if (await db.Merchants.AnyAsync(m => m.OwnerEmail == email, ct).ConfigureAwait(false))
        {
            return Error.Conflict($"A merchant owned by '{email}' is already registered.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        if (command.OwnerPassword is not null
            && await NewUser.AddAsync(db, hasher, Guid.CreateVersion7(now), email, command.OwnerPassword, Roles.Merchant, id, ct)
                .ConfigureAwait(false) is { } error)
        {
            return error;
        }

        var storeNumber = await StoreNumberAllocator.NextAsync(db, null, ct).ConfigureAwait(false);
        db.Merchants.Add(new Merchant
        {
            StoreNumber = storeNumber,
            Id = id,
            Name = command.Name.Trim(),
            NameKana = command.NameKana.Trim(),
            NameRomaji = command.NameRomaji.Trim(),
            Category = command.Category,
            Size = command.Size,
            PostalCode = command.PostalCode.Replace("-", "", StringComparison.Ordinal),
            OwnerEmail = email,
            Payout = command.Payout.ToAccount(),
            CreatedAt = now.UtcDateTime,
        });
        db.Accounts.Add(new Account { Id = id, Type = AccountType.Merchant, CreatedAt = now.UtcDateTime });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new MerchantRegistered(id, storeNumber);
    }
}
