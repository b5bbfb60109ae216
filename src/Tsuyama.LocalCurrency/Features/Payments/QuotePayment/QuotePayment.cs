using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.PayByQr;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Payments.QuotePayment;

/// <summary>
/// The confirm screen: what paying would do, changing nothing. Name the shop by exactly one of
/// <see cref="MerchantId"/>, <see cref="StoreNumber"/> or the scanned <see cref="QrPayload"/>
/// (a dynamic code carries its amount). A payment that would be refused gets the same problem
/// (insufficient-balance, merchant-not-eligible, expired, …) the payment would.
/// </summary>
public sealed record QuotePaymentQuery(Guid ResidentId, Guid? MerchantId, string? StoreNumber, string? QrPayload, long? Amount) : IQuery<PaymentQuote>;

/// <summary>One lot the payment would draw, in spend order.</summary>
public sealed record QuotedLot(string ProgramCode, PointKind Kind, DateOnly ExpiresOn, long Points);

/// <param name="Lots">In spend order (DESIGN §4): 専用券 first at a small shop, earliest expiry first.</param>
/// <param name="Breakdown">The same per program and kind as the payment's <see cref="PaymentMade.Breakdown"/>.</param>
/// <param name="SpendableAfter">The resident's spendable points after paying.</param>
public sealed record PaymentQuote(Guid MerchantId, string StoreName, string StoreNumber, long Amount, IReadOnlyList<QuotedLot> Lots,
    IReadOnlyList<PaymentPart> Breakdown, long SpendableAfter);

internal sealed class QuotePaymentValidator(IOptions<LedgerOptions> options) : IValidator<QuotePaymentQuery>
{
    public void Validate(QuotePaymentQuery r, ValidationErrors e)
    {
        var targets = (r.MerchantId is null ? 0 : 1) + (string.IsNullOrWhiteSpace(r.StoreNumber) ? 0 : 1) + (string.IsNullOrWhiteSpace(r.QrPayload) ? 0 : 1);
        e.Require(targets == 1, "storeNumber", "name the shop by exactly one of merchantId, storeNumber or qrPayload");
        if (!string.IsNullOrWhiteSpace(r.StoreNumber))
        {
            e.Require(Domain.StoreNumber.IsWellFormed(Domain.StoreNumber.Normalize(r.StoreNumber)), "storeNumber",
                "must be the 6-digit store number printed under the shop's QR code (check for a typo)");
        }

        if (r.Amount is { } amount)
        {
            e.Amount(amount, options.Value);
        }
        else
        {
            e.Require(!string.IsNullOrWhiteSpace(r.QrPayload), "amount", "is required");
        }
    }
}

internal sealed class QuotePaymentHandler(LedgerDbContext db, TimeProvider clock, IOptions<LedgerOptions> options)
    : IRequestHandler<QuotePaymentQuery, Result<PaymentQuote>>
{
    public async Task<Result<PaymentQuote>> Handle(QuotePaymentQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Guid merchantId;
        long amount;
        Func<Error>? unknownMerchant = null;
        if (!string.IsNullOrWhiteSpace(query.QrPayload))
        {
            var target = await QrPaymentTarget.ResolveAsync(db, options.Value, query.QrPayload, query.Amount, ct).ConfigureAwait(false);
            if (!target.IsSuccess)
            {
                return target.Error;
            }

            if (target.Value.Request is { } request && QrPaymentTarget.Unusable(request, now.UtcDateTime) is { } unusable)
            {
                return unusable;
            }

            (merchantId, amount, unknownMerchant) = (target.Value.MerchantId, target.Value.Amount, QrProblems.UnknownShop);
        }
        else if (query.StoreNumber is { } typed && !string.IsNullOrWhiteSpace(typed))
        {
            var number = Domain.StoreNumber.Normalize(typed);
            var found = await db.Merchants.Where(m => m.StoreNumber == number).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (found is null)
            {
                return Error.NotFound("Store number", number);
            }

            (merchantId, amount) = (found.Value, query.Amount!.Value);
        }
        else
        {
            (merchantId, amount) = (query.MerchantId!.Value, query.Amount!.Value);
        }

        var plan = await PaymentPoster.PlanAsync(db, now, query.ResidentId, merchantId, amount, ct, unknownMerchant).ConfigureAwait(false);
        if (!plan.IsSuccess)
        {
            return plan.Error;
        }

        var shop = await db.Merchants.Where(m => m.Id == merchantId).Select(m => new { m.Name, m.StoreNumber }).FirstAsync(ct).ConfigureAwait(false);
        var draws = plan.Value.Draws;
        var breakdown = draws.GroupBy(d => (d.Lot.ProgramCode, d.Lot.Kind))
            .Select(g => new PaymentPart(g.Key.ProgramCode, g.Key.Kind, g.Sum(d => d.Amount))).ToList();
        return new PaymentQuote(merchantId, shop.Name, shop.StoreNumber ?? "", amount,
            draws.Select(d => new QuotedLot(d.Lot.ProgramCode, d.Lot.Kind, d.Lot.ExpiresOn, d.Amount)).ToList(),
            breakdown, plan.Value.Spendable - amount);
    }
}
