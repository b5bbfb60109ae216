using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Merchants.QuoteMerchantTransfer;

/// <summary>
/// 仕入先への支払い, before confirming: the fee and what the supplier receives, changing nothing.
/// A transfer that would be refused gets the same problem the transfer would.
/// </summary>
public sealed record QuoteMerchantTransferQuery(Guid FromMerchantId, Guid ToMerchantId, long Amount) : IQuery<MerchantTransferQuote>;

/// <param name="Received">What the supplier receives: <paramref name="Amount"/> less <paramref name="Fee"/>.</param>
public sealed record MerchantTransferQuote(Guid ToMerchantId, string ToName, string ToStoreNumber, long Amount, long Fee, long Received);

internal sealed class QuoteMerchantTransferValidator(IOptions<LedgerOptions> options) : IValidator<QuoteMerchantTransferQuery>
{
    public void Validate(QuoteMerchantTransferQuery r, ValidationErrors e)
    {
        e.Amount(r.Amount, options.Value);
        e.Require(r.FromMerchantId != r.ToMerchantId, "toMerchantId", "must be another merchant");
    }
}

internal sealed class QuoteMerchantTransferHandler(LedgerDbContext db,
    ICurrentActor actor) : IRequestHandler<QuoteMerchantTransferQuery, Result<MerchantTransferQuote>>
{
    public async Task<Result<MerchantTransferQuote>> Handle(QuoteMerchantTransferQuery query, CancellationToken ct)
    {
        if (ShopStaff.OwnerOnly(actor, "pay a supplier") is { } clerk)
        {
            return clerk;
        }

        var to = await db.Merchants.Where(m => m.Id == query.ToMerchantId)
            .Select(m => new { m.Name, m.StoreNumber }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (to is null)
        {
            return Error.NotFound("Merchant", query.ToMerchantId);
        }

        var plan = MerchantTransferPlanner.Plan(await MerchantTransferPlanner.HoldingsAsync(db, query.FromMerchantId, ct).ConfigureAwait(false), query.Amount);
        if (!plan.IsSuccess)
        {
            return plan.Error;
        }

        return new MerchantTransferQuote(query.ToMerchantId, to.Name, to.StoreNumber ?? "", query.Amount, plan.Value.Fee, query.Amount - plan.Value.Fee);
    }
}
