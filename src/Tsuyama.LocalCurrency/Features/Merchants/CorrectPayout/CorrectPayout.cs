using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Merchants.CorrectPayout;

/// <summary>
/// An Admin corrects a shop's payout account, checked and normalised by the same rule as at
/// registration. Settlements already issued keep the account they froze; a shop held back for a
/// bad account is paid by the next settlement.
/// </summary>
public sealed record CorrectPayoutCommand(Guid MerchantId, PayoutDetails Payout) : ICommand<PayoutCorrected>;

public sealed record PayoutCorrected(Guid MerchantId, string BankCode, string BranchCode, string AccountNumber, string HolderKana);

internal sealed class CorrectPayoutValidator : IValidator<CorrectPayoutCommand>
{
    public void Validate(CorrectPayoutCommand r, ValidationErrors e) => PayoutDetails.Validate(r.Payout, e);
}

internal sealed class CorrectPayoutHandler(LedgerDbContext db) : IRequestHandler<CorrectPayoutCommand, Result<PayoutCorrected>>
{
    public async Task<Result<PayoutCorrected>> Handle(CorrectPayoutCommand command, CancellationToken ct)
    {
        var account = command.Payout.ToAccount();
        var updated = await db.Merchants.Where(m => m.Id == command.MerchantId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Payout.BankCode, account.BankCode)
            .SetProperty(m => m.Payout.BranchCode, account.BranchCode)
            .SetProperty(m => m.Payout.AccountType, account.AccountType)
            .SetProperty(m => m.Payout.AccountNumber, account.AccountNumber)
            .SetProperty(m => m.Payout.HolderKana, account.HolderKana), ct).ConfigureAwait(false);
        return updated == 0
            ? Error.NotFound("Merchant", command.MerchantId)
            : new PayoutCorrected(command.MerchantId, account.BankCode, account.BranchCode, account.AccountNumber, account.HolderKana);
    }
}
