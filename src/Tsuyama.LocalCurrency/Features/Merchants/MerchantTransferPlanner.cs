using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Merchants;

/// <summary>Points of one (program, kind) a merchant holds, with that program's transfer terms.</summary>
internal sealed record TransferHolding(Guid ProgramId, PointKind Kind, long Amount, bool AllowMerchantTransfers, int FeeBasisPoints,
    Guid IssuerAccountId, DateTime ProgramCreatedAt);

/// <summary>What one holding gives: <see cref="Take"/> leaves the payer, <see cref="Fee"/> of it goes back to the issuer.</summary>
internal sealed record TransferDraw(TransferHolding Holding, long Take, long Fee);

internal sealed record MerchantTransferPlan(IReadOnlyList<TransferDraw> Draws)
{
    public long Fee => Draws.Sum(d => d.Fee);
}

/// <summary>
/// The one place the merchant-transfer order and fee are decided, for the transfer and for its
/// quote (the fee shown before confirming): smallBusiness points first, then the older program;
/// the fee is charged once on the whole transfer and allocated to the parts (<see cref="MerchantTransferFees"/>).
/// </summary>
internal static class MerchantTransferPlanner
{
    public static Task<List<TransferHolding>> HoldingsAsync(LedgerDbContext db, Guid merchantId, CancellationToken ct) => (
            from b in db.Balances
            join p in db.Programs on b.ProgramId equals p.Id
            where b.AccountId == merchantId && b.Amount > 0
            select new TransferHolding(b.ProgramId, b.Kind, b.Amount, p.AllowMerchantTransfers, p.MerchantTransferFeeBasisPoints, p.IssuerAccountId,
                p.CreatedAt))
        .ToListAsync(ct);

    public static Result<MerchantTransferPlan> Plan(IReadOnlyList<TransferHolding> holdings, long amount)
    {
        var usable = holdings.Where(h => h.AllowMerchantTransfers)
            .OrderBy(h => SpendPlanner.KindOrder(h.Kind)).ThenBy(h => h.ProgramCreatedAt).ThenBy(h => h.ProgramId)
            .ToList();
        if (usable.Sum(h => h.Amount) < amount)
        {
            return holdings.Sum(h => h.Amount) >= amount
                ? Error.Rule(ProblemTypes.TransfersNotAllowed, "店舗間送金できないポイントです / Transfers not allowed",
                    "Part of the balance belongs to programs that do not allow merchant-to-merchant transfers.")
                : Error.InsufficientBalance(usable.Sum(h => h.Amount), amount);
        }

        // Enough was checked above, so the draw covers the amount.
        var takes = SpendPlanner.Draw(usable, h => h.Amount, amount)!;
        var fees = MerchantTransferFees.Allocate(takes.Select(t => (t.Take, t.Source.FeeBasisPoints)).ToList());
        return new MerchantTransferPlan(takes.Select((t, i) => new TransferDraw(t.Source, t.Take, fees[i])).ToList());
    }
}
