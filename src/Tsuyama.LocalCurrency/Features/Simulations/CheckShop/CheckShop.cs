using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Simulation.Scenarios;
using Tsuyama.LocalCurrency.Simulation.ShopCheck;

namespace Tsuyama.LocalCurrency.Features.Simulations.CheckShop;

/// <summary>
/// A shop's LM3-style self-check from the figures it enters; when <see cref="MerchantId"/> is the signed-in
/// shop, its own voucher figures from the ledger for the last <see cref="LedgerDays"/> days are added (only
/// ever for that shop: the endpoint takes the id from the sign-in, never from the request).
/// </summary>
public sealed record CheckShopQuery(ShopFigures Figures, Guid? MerchantId, DateTimeOffset Now) : IQuery<ShopCheckView>
{
    public const int LedgerDays = 30;
}

/// <summary>The shop's voucher points over the period: received from residents, passed on to other shops, redeemed.</summary>
public sealed record ShopLedgerFigures(DateTime From, DateTime To, long PointsReceived, long PointsSentToShops, long PointsRedeemed, double? SentToShopsShare);

public sealed record ShopCheckView(ShopCheckResult Check, ShopLedgerFigures? Ledger);

internal sealed class CheckShopHandler(LedgerDbContext db) : IRequestHandler<CheckShopQuery, Result<ShopCheckView>>
{
    public async Task<Result<ShopCheckView>> Handle(CheckShopQuery query, CancellationToken ct)
    {
        ShopCheckResult check;
        try
        {
            check = ShopSelfCheck.Compute(query.Figures);
        }
        catch (ScenarioValidationException ex)
        {
            return Error.Validation(new Dictionary<string, string[]> { ["figures"] = [.. ex.Errors] });
        }

        if (query.MerchantId is not { } id)
        {
            return new ShopCheckView(check, null);
        }

        var to = query.Now.UtcDateTime;
        var from = to.AddDays(-CheckShopQuery.LedgerDays);
        var totals = await db.Transfers.AsNoTracking()
            .Where(t => t.CreatedAt > from && t.CreatedAt <= to && (t.ToAccountId == id || t.FromAccountId == id))
            .GroupBy(t => t.Type)
            .Select(g => new
            {
                Type = g.Key,
                In = g.Sum(t => t.ToAccountId == id ? t.Amount : 0),
                Out = g.Sum(t => t.FromAccountId == id ? t.Amount : 0),
            })
            .ToListAsync(ct).ConfigureAwait(false);
        long In(TransferType type) => totals.Where(t => t.Type == type).Sum(t => t.In);
        long Out(TransferType type) => totals.Where(t => t.Type == type).Sum(t => t.Out);

        var received = In(TransferType.Payment) - Out(TransferType.Refund) + In(TransferType.MerchantTransfer);
        var sent = Out(TransferType.MerchantTransfer) + Out(TransferType.MerchantTransferFee);
        var redeemed = Out(TransferType.Redemption);
        var passedOn = sent + redeemed;
        return new ShopCheckView(check, new ShopLedgerFigures(from, to, received, sent, redeemed, passedOn > 0 ? sent / (double)passedOn : null));
    }
}
