using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;

/// <summary>
/// A shop pays a local supplier in points. The recipient receives the amount less the program's
/// merchant-transfer fee (rounded down per program); the fee returns to the issuer, retiring
/// those points. Any kind may move between merchants; smallBusiness points go first.
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
        long left = r.Amount, fee = 0;
        foreach (var h in usable)
        {
            var take = Math.Min(left, h.Amount);
            var partFee = checked(take * h.MerchantTransferFeeBasisPoints) / 10_000;
            if (take > partFee)
            {
                journal.Post(h.ProgramId, h.Kind, r.FromMerchantId, r.ToMerchantId, take - partFee, TransferType.MerchantTransfer, transferId);
            }

            if (partFee > 0)
            {
                journal.Post(h.ProgramId, h.Kind, r.FromMerchantId, h.IssuerAccountId, partFee, TransferType.MerchantTransferFee, transferId);
            }

            fee += partFee;
            left -= take;
            if (left == 0)
            {
                break;
            }
        }

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
