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
/// ever for that shop: the endpoint takes the id from the sign-in, never from the request). The two re-spend
/// shares are optional: left out, the handler applies <see cref="ShopSelfCheck"/>'s defaults, the one place they are.
/// </summary>
public sealed record CheckShopQuery(long? MonthlySalesYen, double? LocalSupplierShare, long? LocalWagesYen, double? SupplierLocalRespendShare,
    double? StaffLocalSpendShare, Guid? MerchantId, DateTimeOffset Now) : IQuery<ShopCheckView>
{
    public const int LedgerDays = 30;

    /// <summary>The figures the check computes with: what the shop entered, the defaults for the shares it left out.</summary>
    internal ShopFigures Figures() => new()
    {
        MonthlySalesYen = MonthlySalesYen ?? throw new InvalidOperationException("The validator requires the month's sales."),
        LocalSupplierShare = LocalSupplierShare ?? throw new InvalidOperationException("The validator requires the local supplier share."),
        LocalWagesYen = LocalWagesYen ?? throw new InvalidOperationException("The validator requires the local wages."),
        SupplierLocalRespendShare = SupplierLocalRespendShare ?? ShopSelfCheck.DefaultSupplierLocalRespendShare,
        StaffLocalSpendShare = StaffLocalSpendShare ?? ShopSelfCheck.DefaultStaffLocalSpendShare,
    };
}

internal sealed class CheckShopValidator : IValidator<CheckShopQuery>
{
    public void Validate(CheckShopQuery request, ValidationErrors errors) =>
        errors.Require(request is { MonthlySalesYen: not null, LocalSupplierShare: not null, LocalWagesYen: not null }, "figures",
            "monthlySalesYen, localSupplierShare and localWagesYen are required");
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
            check = ShopSelfCheck.Compute(query.Figures());
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
