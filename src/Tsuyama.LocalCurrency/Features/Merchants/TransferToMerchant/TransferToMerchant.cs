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
/// merchant-transfer fee, computed once on the whole transfer and rounded up (the plan of
/// <see cref="MerchantTransferPlanner"/>, shared with the quote; the rule in <see cref="MerchantTransferFees"/>);
/// the fee returns to the issuer, retiring those points. Any kind may move between merchants;
/// smallBusiness points go first.
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
        e.Amount(r.Amount, options.Value);
        e.Require(r.FromMerchantId != r.ToMerchantId, "toMerchantId", "must be another merchant");
    }
}

internal sealed class TransferToMerchantHandler(LedgerDbContext db, TimeProvider clock, ICurrentActor actor)
    : IRequestHandler<TransferToMerchantCommand, Result<MerchantTransferMade>>
{
    public async Task<Result<MerchantTransferMade>> Handle(TransferToMerchantCommand command, CancellationToken ct)
    {
        if (ShopStaff.OwnerOnly(actor, "pay a supplier") is { } clerk)
        {
            return clerk;
        }

        var journal = new Journal(db, clock);
        if (!await db.Merchants.AnyAsync(m => m.Id == command.ToMerchantId, ct).ConfigureAwait(false))
        {
            return Error.NotFound("Merchant", command.ToMerchantId);
        }

        var plan = MerchantTransferPlanner.Plan(
            await MerchantTransferPlanner.HoldingsAsync(db, command.FromMerchantId, ct).ConfigureAwait(false), command.Amount);
        if (!plan.IsSuccess)
        {
            return plan.Error;
        }

        var now = clock.GetUtcNow();
        var transferId = Guid.CreateVersion7(now);
        var fee = plan.Value.Fee;
        foreach (var (h, take, partFee) in plan.Value.Draws)
        {
            if (take > partFee)
            {
                journal.Post(h.ProgramId, h.Kind, command.FromMerchantId, command.ToMerchantId, take - partFee, TransferType.MerchantTransfer, transferId);
            }

            if (partFee > 0)
            {
                journal.Post(h.ProgramId, h.Kind, command.FromMerchantId, h.IssuerAccountId, partFee, TransferType.MerchantTransferFee, transferId);
            }
        }

        db.MerchantTransfers.Add(new MerchantTransfer
        {
            Id = transferId,
            FromMerchantId = command.FromMerchantId,
            ToMerchantId = command.ToMerchantId,
            Amount = command.Amount,
            Fee = fee,
            CreatedAt = now.UtcDateTime,
        });
        if (await journal.ApplyAsync(ct).ConfigureAwait(false) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new MerchantTransferMade(transferId, command.Amount, fee);
    }
}
