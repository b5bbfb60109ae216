using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;

/// <summary>
/// A shop pays a local supplier in points. The recipient receives the amount less the programs'
/// merchant-transfer fee, computed once on the whole transfer and rounded up (see
/// <see cref="MerchantTransferFees"/>); the fee returns to the issuer, retiring those points. Any
/// kind may move between merchants; smallBusiness points go first.
/// </summary>
public sealed record TransferToMerchantCommand(Guid FromMerchantId, Guid ToMerchantId, long Amount, string Caller, string? IdempotencyKey)
    : ICommand<MerchantTransferMade>, IIdempotentCommand
{
    public string IdempotencyScope => Caller;
}

public sealed record MerchantTransferMade(Guid TransferId, long Amount, long Fee);

internal sealed class TransferToMerchantValidator(IOptions<LedgerOptions> options) : IValidator<TransferToMerchantCommand>
{
    public void Validate(TransferToMerchantCommand r, ValidationErrors e)
    {
        e.Positive(r.Amount, "amount", options.Value.MaxAmount);
        e.Require(r.FromMerchantId != r.ToMerchantId, "toMerchantId", "must be another merchant");
    }
}

internal sealed class TransferToMerchantHandler(LedgerDbContext db, TimeProvider clock)
    : IRequestHandler<TransferToMerchantCommand, Result<MerchantTransferMade>>
{
    public async Task<Result<MerchantTransferMade>> Handle(TransferToMerchantCommand r, CancellationToken ct)
    {
        var journal = new Journal(db, clock);
        if (!await db.Merchants.AnyAsync(m => m.Id == r.ToMerchantId, ct).ConfigureAwait(false))
        {
            return Error.NotFound("Merchant", r.ToMerchantId);
        }

        var holdings = await (
            from b in db.Balances
            join p in db.Programs on b.ProgramId equals p.Id
            where b.AccountId == r.FromMerchantId && b.Amount > 0
            select new { b.ProgramId, b.Kind, b.Amount, p.AllowMerchantTransfers, p.MerchantTransferFeeBasisPoints, p.IssuerAccountId, p.CreatedAt })
            .ToListAsync(ct).ConfigureAwait(false);
        var usable = holdings.Where(h => h.AllowMerchantTransfers)
            .OrderBy(h => h.Kind == PointKind.SmallBusiness ? 0 : 1).ThenBy(h => h.CreatedAt).ThenBy(h => h.ProgramId)
            .ToList();
        if (usable.Sum(h => h.Amount) < r.Amount)
        {
            return holdings.Sum(h => h.Amount) >= r.Amount
                ? Error.Rule(ProblemTypes.TransfersNotAllowed, "店舗間送金できないポイントです / Transfers not allowed",
                    "Part of the balance belongs to programs that do not allow merchant-to-merchant transfers.")
                : Error.InsufficientBalance(usable.Sum(h => h.Amount), r.Amount);
        }

        var now = clock.GetUtcNow();
        var transferId = Guid.CreateVersion7(now);
        var parts = new List<(Guid ProgramId, PointKind Kind, Guid IssuerAccountId, long Take, int FeeBasisPoints)>();
        var left = r.Amount;
        foreach (var h in usable)
        {
            var take = Math.Min(left, h.Amount);
            parts.Add((h.ProgramId, h.Kind, h.IssuerAccountId, take, h.MerchantTransferFeeBasisPoints));
            left -= take;
            if (left == 0)
            {
                break;
            }
        }

        var fees = MerchantTransferFees.Allocate(parts.Select(p => (p.Take, p.FeeBasisPoints)).ToList());
        for (var i = 0; i < parts.Count; i++)
        {
            var (programId, kind, issuer, take, _) = parts[i];
            if (take > fees[i])
            {
                journal.Post(programId, kind, r.FromMerchantId, r.ToMerchantId, take - fees[i], TransferType.MerchantTransfer, transferId);
            }

            if (fees[i] > 0)
            {
                journal.Post(programId, kind, r.FromMerchantId, issuer, fees[i], TransferType.MerchantTransferFee, transferId);
            }
        }

        var fee = fees.Sum();

        db.MerchantTransfers.Add(new MerchantTransfer
        {
            Id = transferId,
            FromMerchantId = r.FromMerchantId,
            ToMerchantId = r.ToMerchantId,
            Amount = r.Amount,
            Fee = fee,
            CreatedAt = now.UtcDateTime,
        });
        if (await journal.ApplyAsync(ct).ConfigureAwait(false) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new MerchantTransferMade(transferId, r.Amount, fee);
    }
}

/// <summary>
/// The fee is charged once on the whole transfer and rounded up: a per-part or rounded-down fee
/// lets a shop avoid it by splitting a transfer (two transfers of 199 points at 0.5 % paid nothing),
/// and since ⌈a⌉ + ⌈b⌉ ≥ ⌈a + b⌉, splitting never pays less than the whole. It is allocated to the
/// (program, kind) parts the points come from by rounding the running total, so the parts add up
/// to the whole fee and no part pays more than it moves.
/// </summary>
public static class MerchantTransferFees
{
    /// <param name="parts">Points taken from each part, in spend order, with that part's program rate in basis points.</param>
    /// <returns>The fee charged to each part; their sum is ⌈Σ points × bps / 10,000⌉.</returns>
    public static long[] Allocate(IReadOnlyList<(long Points, int BasisPoints)> parts)
    {
        var fees = new long[parts.Count];
        long exact = 0, charged = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            exact = checked(exact + (parts[i].Points * parts[i].BasisPoints));
            var upToHere = (exact + 9_999) / 10_000;
            fees[i] = upToHere - charged;
            charged = upToHere;
        }

        return fees;
    }
}
