using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
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
/// the fee is <see cref="Fee"/> of each part.
/// </summary>
internal static class MerchantTransferPlanner
{
    public static Task<List<TransferHolding>> HoldingsAsync(LedgerDbContext db, Guid merchantId, CancellationToken ct) => (
            from b in db.Balances
            join p in db.Programs on b.ProgramId equals p.Id
            where b.AccountId == merchantId && b.Amount > 0
            select new TransferHolding(b.ProgramId, b.Kind, b.Amount, p.AllowMerchantTransfers, p.MerchantTransferFeeBasisPoints, p.IssuerAccountId, p.CreatedAt))
        .ToListAsync(ct);

    public static Result<MerchantTransferPlan> Plan(IReadOnlyList<TransferHolding> holdings, long amount)
    {
        var usable = holdings.Where(h => h.AllowMerchantTransfers)
            .OrderBy(h => h.Kind == PointKind.SmallBusiness ? 0 : 1).ThenBy(h => h.ProgramCreatedAt).ThenBy(h => h.ProgramId)
            .ToList();
        if (usable.Sum(h => h.Amount) < amount)
        {
            return holdings.Sum(h => h.Amount) >= amount
                ? Error.Rule(ProblemTypes.TransfersNotAllowed, "店舗間送金できないポイントです / Transfers not allowed",
                    "Part of the balance belongs to programs that do not allow merchant-to-merchant transfers.")
                : Error.InsufficientBalance(usable.Sum(h => h.Amount), amount);
        }

        var draws = new List<TransferDraw>();
        var left = amount;
        foreach (var h in usable)
        {
            var take = Math.Min(left, h.Amount);
            draws.Add(new TransferDraw(h, take, Fee(take, h.FeeBasisPoints)));
            left -= take;
            if (left == 0)
            {
                break;
            }
        }

        return new MerchantTransferPlan(draws);
    }

    /// <summary>The program's fee on <paramref name="points"/>, rounded down.</summary>
    public static long Fee(long points, int basisPoints) => checked(points * basisPoints) / 10_000;
}
