using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Payouts;
using Tsuyama.LocalCurrency.Payouts.Zengin;

namespace Tsuyama.LocalCurrency.Features.Settlements.GetSettlementZengin;

/// <summary>
/// The 総合振込 file of a settlement: one data record per merchant with a payout above zero, to
/// the payee account frozen in the settlement's lines (a shop editing its account later changes
/// nothing here), from the issuer's account in <see cref="SettlementOptions"/>. Regenerating it
/// gives the same bytes as long as the options are unchanged.
/// </summary>
public sealed record GetSettlementZenginQuery(Guid SettlementId) : IQuery<SettlementFile>;

internal sealed class GetSettlementZenginHandler(LedgerDbContext db, IOptions<SettlementOptions> options, ICurrentActor actor)
    : IRequestHandler<GetSettlementZenginQuery, Result<SettlementFile>>
{
    public async Task<Result<SettlementFile>> Handle(GetSettlementZenginQuery query, CancellationToken ct)
    {
        if (CityAdmin.Only(actor, "download a bank transfer file") is { } refused)
        {
            return refused;
        }

        var settlement = await db.Settlements.AsNoTracking().Where(s => s.Id == query.SettlementId)
            .Select(s => new { s.Cutoff, s.TransferDate }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (settlement is null)
        {
            return Error.NotFound("Settlement", query.SettlementId);
        }

        var lines = await db.SettlementLines.AsNoTracking().Where(l => l.SettlementId == query.SettlementId).ToListAsync(ct).ConfigureAwait(false);
        var payouts = lines
            .GroupBy(l => l.MerchantId)
            .Select(g => (Account: g.OrderBy(l => l.ProgramId).First(), Payout: g.Sum(l => l.PayoutYen)))
            .Where(p => p.Payout > 0)
            .ToList();
        if (payouts.Count == 0)
        {
            return Error.Rule(ProblemTypes.NothingToPay, "振込対象がありません / Nothing to pay",
                $"Settlement {query.SettlementId} pays no merchant, so there is no transfer file.");
        }

        // Bank and branch names are not registered, only their codes; banks route by the codes.
        var payees = payouts
            .OrderBy(p => p.Account.MerchantId)
            .Select(p => new ZenginPayee(p.Account.PayeeBankNumber, "", p.Account.PayeeBranchNumber, "", (ZenginAccountType)(int)p.Account.PayeeAccountType,
                p.Account.PayeeAccountNumber.PadLeft(7, '0'), p.Account.PayeeHolderKana, p.Payout))
            .ToList();
        try
        {
            var bytes = ZenginFileWriter.Write(new ZenginTransferBatch(options.Value.ToIssuer(), settlement.TransferDate, payees));
            return new SettlementFile($"zengin-{settlement.Cutoff:yyyy-MM-dd}.txt", "text/plain; charset=shift_jis", bytes);
        }
        catch (ZenginValidationException ex)
        {
            return Error.Rule(ProblemTypes.InvalidBankData, "振込データに誤りがあります / Invalid bank data", ex.Message);
        }
    }
}
