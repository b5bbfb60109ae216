using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Papers;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlementStatement;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Payouts;

namespace Tsuyama.LocalCurrency.Features.Settlements.GetShopSettlements;

/// <summary>
/// One shop's settlements, newest first (what each paid it, or why it was held back), the next scheduled
/// cutoff and payout date, the account payouts go to (masked), and the months whose transfer-fee invoice
/// can be issued. The owner and the city office read it; a clerk is refused (<see cref="PaperReader.Refuse"/>).
/// </summary>
public sealed record GetShopSettlementsQuery(Guid MerchantId, PaperReader Reader) : IQuery<ShopSettlements>;

public sealed record ShopSettlements(
    Guid MerchantId,
    string MerchantName,
    NextSettlement? Next,
    ShopPayee Payee,
    IReadOnlyList<ShopSettlement> Settlements,
    IReadOnlyList<DateOnly> TransferFeeMonths);

/// <summary>The next scheduled run (JST), the cutoff it settles and the day it pays.</summary>
public sealed record NextSettlement(DateTimeOffset RunAt, DateOnly Cutoff, DateOnly PayoutDate);

/// <summary>Where the next payout goes: the bank and branch numbers, and only the account's last three digits.</summary>
public sealed record ShopPayee(string BankCode, string BranchCode, BankAccountType AccountType, string MaskedAccountNumber, string HolderKana);

/// <summary>
/// What one settlement did for the shop: paid <see cref="PayoutYen"/> on <see cref="TransferDate"/>, or held
/// <see cref="HeldPoints"/> back for <see cref="HeldReason"/> (nothing redeemed, paid at a later run).
/// </summary>
public sealed record ShopSettlement(
    Guid SettlementId,
    DateOnly Cutoff,
    DateOnly TransferDate,
    long Points,
    long FeeYen,
    long PayoutYen,
    long HeldPoints,
    string? HeldReason)
{
    /// <summary>Only a settlement that redeemed points charged a fee, so only it has a qualified invoice.</summary>
    public bool HasInvoice => Points > 0;
}

internal sealed class GetShopSettlementsValidator : IValidator<GetShopSettlementsQuery>
{
    public void Validate(GetShopSettlementsQuery r, ValidationErrors e) => e.Reader(r.Reader);
}

internal sealed class GetShopSettlementsHandler(LedgerDbContext db, ICurrentActor actor, TimeProvider clock, ISettlementSchedule schedule,
    IOptions<SettlementOptions> options) : IRequestHandler<GetShopSettlementsQuery, Result<ShopSettlements>>
{
    public async Task<Result<ShopSettlements>> Handle(GetShopSettlementsQuery query, CancellationToken ct)
    {
        if (query.Reader.Refuse(query.MerchantId, actor) is { } refused)
        {
            return refused;
        }

        var merchant = await db.Merchants.AsNoTracking().FirstOrDefaultAsync(m => m.Id == query.MerchantId, ct).ConfigureAwait(false);
        if (merchant is null)
        {
            return Error.NotFound("Merchant", query.MerchantId);
        }

        var paid = await (
            from l in db.SettlementLines
            where l.MerchantId == query.MerchantId
            group l by l.SettlementId into g
            select new { SettlementId = g.Key, Points = g.Sum(l => l.Points), Fee = g.Sum(l => l.FeeYen), Payout = g.Sum(l => l.PayoutYen) })
            .ToListAsync(ct).ConfigureAwait(false);
        var held = await db.SettlementHolds.AsNoTracking().Where(h => h.MerchantId == query.MerchantId).ToListAsync(ct).ConfigureAwait(false);
        var ids = paid.Select(p => p.SettlementId).Concat(held.Select(h => h.SettlementId)).Distinct().ToList();
        var settlements = await db.Settlements.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Cutoff, s.TransferDate }).ToListAsync(ct).ConfigureAwait(false);
        var rows = settlements
            .Select(s =>
            {
                var p = paid.FirstOrDefault(x => x.SettlementId == s.Id);
                var h = held.FirstOrDefault(x => x.SettlementId == s.Id);
                return new ShopSettlement(s.Id, s.Cutoff, s.TransferDate, p?.Points ?? 0, p?.Fee ?? 0, p?.Payout ?? 0, h?.Points ?? 0, h?.Reason);
            })
            .OrderByDescending(s => s.Cutoff)
            .ToList();

        var now = clock.GetUtcNow();
        NextSettlement? next = null;
        if (schedule.NextRunAfter(now) is { } run)
        {
            var runDay = JapanTime.DateOf(run);
            next = new NextSettlement(
                run,
                SettlementCalendar.CutoffOfRunOn(runDay),
                SettlementCalendar.PayoutDateOfRunOn(runDay, options.Value.PayoutDelayDays));
        }

        var payout = merchant.Payout;
        var payee = new ShopPayee(payout.BankCode, payout.BranchCode, payout.AccountType, Statement.Mask(payout.AccountNumber), payout.HolderKana);
        var feeMonths = await FeeMonthsAsync(query.MerchantId, JapanTime.DateOf(now), ct).ConfigureAwait(false);
        return new ShopSettlements(merchant.Id, merchant.Name, next, payee, rows, feeMonths);
    }

    /// <summary>JST months before this one in which the shop paid a transfer fee as sender: each has a monthly invoice.</summary>
    private async Task<IReadOnlyList<DateOnly>> FeeMonthsAsync(Guid merchantId, DateOnly today, CancellationToken ct)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var before = JapanTime.EndOfDayUtc(thisMonth.AddDays(-1));
        var times = await db.MerchantTransfers.Where(t => t.FromMerchantId == merchantId && t.Fee > 0 && t.CreatedAt < before)
            .Select(t => t.CreatedAt).ToListAsync(ct).ConfigureAwait(false);
        return times.Select(t => JapanTime.DateOf(new DateTimeOffset(t, TimeSpan.Zero)))
            .Select(d => new DateOnly(d.Year, d.Month, 1)).Distinct().OrderByDescending(d => d).ToList();
    }
}
