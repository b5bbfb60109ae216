using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Merchants.UpdateMerchant;

/// <summary>
/// An Admin corrects a shop's name, category, size or postal code, checked by the same rules as at
/// registration (<see cref="RegisterMerchantValidator.ValidateShop"/>). The owner's e-mail and the
/// store number stay; the payout account has its own use case (CorrectPayout).
/// </summary>
public sealed record UpdateMerchantCommand(Guid MerchantId, string Name, string NameKana, string NameRomaji, string Category, MerchantSize Size,
    string PostalCode) : ICommand<MerchantUpdated>;

public sealed record MerchantUpdated(Guid MerchantId);

internal sealed class UpdateMerchantValidator : IValidator<UpdateMerchantCommand>
{
    public void Validate(UpdateMerchantCommand r, ValidationErrors e) =>
        RegisterMerchantValidator.ValidateShop(e, r.Name, r.NameKana, r.NameRomaji, r.Category, r.Size, r.PostalCode);
}

internal sealed class UpdateMerchantHandler(LedgerDbContext db, ICurrentActor actor) : IRequestHandler<UpdateMerchantCommand, Result<MerchantUpdated>>
{
    public async Task<Result<MerchantUpdated>> Handle(UpdateMerchantCommand command, CancellationToken ct)
    {
        if (CityDesk.AdminOnly(actor, "edit a shop") is { } denied)
        {
            return denied;
        }

        var postal = command.PostalCode.Replace("-", "", StringComparison.Ordinal);
        var updated = await db.Merchants.Where(m => m.Id == command.MerchantId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Name, command.Name.Trim())
            .SetProperty(m => m.NameKana, command.NameKana.Trim())
            .SetProperty(m => m.NameRomaji, command.NameRomaji.Trim())
            .SetProperty(m => m.Category, command.Category)
            .SetProperty(m => m.Size, command.Size)
            .SetProperty(m => m.PostalCode, postal), ct).ConfigureAwait(false);
        return updated == 0 ? Error.NotFound("Merchant", command.MerchantId) : new MerchantUpdated(command.MerchantId);
    }
}
