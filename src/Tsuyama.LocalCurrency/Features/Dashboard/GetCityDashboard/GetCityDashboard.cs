using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Dashboard.GetCityDashboard;

/// <summary>
/// The city office's overview, as of now: per program and kind the points issued, outstanding (held
/// by residents and shops), redeemed and expired; the premium used against its cap; payments today
/// and this month (JST); residents and shops active in the last <see cref="Days"/> days; and per day
/// of that window the payments and the points outstanding at the day's end. Admin and Counter staff.
/// </summary>
public sealed record GetCityDashboardQuery(int Days = 30) : IQuery<CityDashboard>;

public sealed record CityDashboard(
    DateOnly Today,
    IReadOnlyList<ProgramFigures> Programs,
    PaymentTotals PaymentsToday,
    PaymentTotals PaymentsThisMonth,
    int ActiveResidents,
    int Residents,
    int ActiveShops,
    int Shops,
    IReadOnlyList<DailyFigures> Daily)
{
    public long Issued => Programs.Sum(p => p.Kinds.Sum(k => k.Issued));
    public long Outstanding => Programs.Sum(p => p.Kinds.Sum(k => k.Outstanding));
    public long Redeemed => Programs.Sum(p => p.Kinds.Sum(k => k.Redeemed));
    public long Expired => Programs.Sum(p => p.Kinds.Sum(k => k.Expired));
}

/// <param name="PremiumUsed">Points issued minus yen paid over confirmed, not cancelled purchases.</param>
/// <param name="PremiumBudget">The cap set with the sales rules; null: none.</param>
public sealed record ProgramFigures(string Code, string Name, bool IsGrant, IReadOnlyList<KindFigures> Kinds, long PremiumUsed, long? PremiumBudget);

/// <param name="Issued">Issued minus purchases cancelled (their points went back).</param>
/// <param name="TransferFees">Shop-to-shop transfer fees, taken back by the issuer.</param>
public sealed record KindFigures(PointKind Kind, long Issued, long Outstanding, long Redeemed, long Expired, long TransferFees);

/// <param name="Points">Points paid (before refunds).</param>
public sealed record PaymentTotals(int Count, long Points, long Refunded);

public sealed record DailyFigures(DateOnly Day, int Payments, long PaymentPoints, long OutstandingAtEnd);

internal sealed class GetCityDashboardValidator : IValidator<GetCityDashboardQuery>
{
    public void Validate(GetCityDashboardQuery r, ValidationErrors e) => e.Require(r.Days is >= 7 and <= 366, "days", "must be from 7 to 366");
}

internal sealed class GetCityDashboardHandler(LedgerDbContext db, TimeProvider clock, ICurrentActor actor)
    : IRequestHandler<GetCityDashboardQuery, Result<CityDashboard>>
{
    public async Task<Result<CityDashboard>> Handle(GetCityDashboardQuery query, CancellationToken ct)
    {
        if (actor.Current is not null && !actor.IsInRole(Roles.Admin) && !actor.IsInRole(Roles.Counter))
        {
            return Error.Forbidden("The city office's dashboard is for Admin and Counter staff.");
        }

        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        var programs = await ProgramFiguresAsync(ct).ConfigureAwait(false);

        var first = today.AddDays(1 - query.Days);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var windowStart = JapanTime.EndOfDayUtc((first < monthStart ? first : monthStart).AddDays(-1));
        var payments = await db.Payments.AsNoTracking().Where(p => p.CreatedAt >= windowStart)
            .Select(p => new { p.CreatedAt, p.Amount, p.RefundedAmount, p.ResidentId, p.MerchantId })
            .ToListAsync(ct).ConfigureAwait(false);
        var byDay = payments
            .Select(p => (Day: JapanTime.DateOf(new DateTimeOffset(p.CreatedAt, TimeSpan.Zero)), p.Amount, p.RefundedAmount, p.ResidentId, p.MerchantId))
            .ToList();
        PaymentTotals Totals(Func<DateOnly, bool> inPeriod)
        {
            var these = byDay.Where(p => inPeriod(p.Day)).ToList();
            return new PaymentTotals(these.Count, these.Sum(p => p.Amount), these.Sum(p => p.RefundedAmount));
        }

        var inWindow = byDay.Where(p => p.Day >= first).ToList();
        var outstandingNow = programs.Sum(p => p.Kinds.Sum(k => k.Outstanding));
        var daily = await DailyAsync(first, today, inWindow.Select(p => (p.Day, p.Amount)).ToList(), outstandingNow, ct).ConfigureAwait(false);

        return new CityDashboard(
            today,
            programs,
            Totals(d => d == today),
            Totals(d => d >= monthStart),
            inWindow.Select(p => p.ResidentId).Distinct().Count(),
            await db.Residents.CountAsync(ct).ConfigureAwait(false),
            inWindow.Select(p => p.MerchantId).Distinct().Count(),
            await db.Merchants.CountAsync(ct).ConfigureAwait(false),
            daily);
    }

    private async Task<List<ProgramFigures>> ProgramFiguresAsync(CancellationToken ct)
    {
        var programs = await db.Programs.AsNoTracking()
            .Select(p => new
            {
                p.Id,
                p.Code,
                p.Name,
                p.SalesFrom,
                p.RedeemedAccountId,
                p.ExpiredAccountId,
                IsGrant = db.GrantBudgets.Any(g => g.ProgramId == p.Id),
            })
            .ToListAsync(ct).ConfigureAwait(false);
        TransferType[] counted = [TransferType.Issue, TransferType.IssueReversal, TransferType.MerchantTransferFee];
        var flows = await db.Transfers.AsNoTracking().Where(t => counted.Contains(t.Type))
            .GroupBy(t => new { t.ProgramId, t.Kind, t.Type })
            .Select(g => new { g.Key.ProgramId, g.Key.Kind, g.Key.Type, Amount = g.Sum(t => t.Amount) })
            .ToListAsync(ct).ConfigureAwait(false);
        var held = await (
            from b in db.Balances.AsNoTracking()
            join a in db.Accounts.AsNoTracking() on b.AccountId equals a.Id
            where a.Type == AccountType.Resident || a.Type == AccountType.Merchant
            group b by new { b.ProgramId, b.Kind } into g
            select new { g.Key.ProgramId, g.Key.Kind, Amount = g.Sum(b => b.Amount) })
            .ToListAsync(ct).ConfigureAwait(false);
        var closed = await (
            from b in db.Balances.AsNoTracking()
            join a in db.Accounts.AsNoTracking() on b.AccountId equals a.Id
            where a.Type == AccountType.Redeemed || a.Type == AccountType.Expired
            select new { b.ProgramId, b.Kind, a.Type, b.Amount })
            .ToListAsync(ct).ConfigureAwait(false);
        var premium = await db.Purchases.AsNoTracking().Where(p => p.CancelledAt == null)
            .GroupBy(p => p.ProgramId)
            .Select(g => new { ProgramId = g.Key, Points = g.Sum(p => p.GeneralPoints + p.SmallBusinessPoints), Yen = g.Sum(p => p.PaidYen) })
            .ToDictionaryAsync(x => x.ProgramId, x => x.Points - x.Yen, ct).ConfigureAwait(false);
        var budgets = await db.ProgramSales.AsNoTracking().ToDictionaryAsync(s => s.ProgramId, s => s.PremiumBudget, ct).ConfigureAwait(false);

        long Flow(Guid program, PointKind kind, TransferType type) =>
            flows.Where(f => f.ProgramId == program && f.Kind == kind && f.Type == type).Sum(f => f.Amount);
        long Closed(Guid program, PointKind kind, AccountType type) =>
            closed.Where(c => c.ProgramId == program && c.Kind == kind && c.Type == type).Sum(c => c.Amount);

        return programs
            .OrderByDescending(p => p.SalesFrom).ThenBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => new ProgramFigures(p.Code, p.Name, p.IsGrant,
                [.. Enum.GetValues<PointKind>().Select(kind => new KindFigures(kind,
                    Flow(p.Id, kind, TransferType.Issue) - Flow(p.Id, kind, TransferType.IssueReversal),
                    held.Where(h => h.ProgramId == p.Id && h.Kind == kind).Sum(h => h.Amount),
                    Closed(p.Id, kind, AccountType.Redeemed),
                    Closed(p.Id, kind, AccountType.Expired),
                    Flow(p.Id, kind, TransferType.MerchantTransferFee)))],
                premium.GetValueOrDefault(p.Id),
                budgets.GetValueOrDefault(p.Id)))
            .ToList();
    }

    /// <summary>
    /// Outstanding at the end of each day, walked back from today's: every issue adds to it; a
    /// cancelled purchase, a redemption, an expiry and a transfer fee take from it.
    /// </summary>
    private async Task<List<DailyFigures>> DailyAsync(DateOnly first, DateOnly today, List<(DateOnly Day, long Amount)> payments, long outstandingNow,
        CancellationToken ct)
    {
        var from = JapanTime.EndOfDayUtc(first);
        TransferType[] moving =
            [TransferType.Issue, TransferType.IssueReversal, TransferType.Redemption, TransferType.Expiry, TransferType.MerchantTransferFee];
        var changes = await db.Transfers.AsNoTracking().Where(t => t.CreatedAt >= from && moving.Contains(t.Type))
            .Select(t => new { t.CreatedAt, t.Type, t.Amount })
            .ToListAsync(ct).ConfigureAwait(false);
        var deltaByDay = changes
            .GroupBy(c => JapanTime.DateOf(new DateTimeOffset(c.CreatedAt, TimeSpan.Zero)))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Type == TransferType.Issue ? c.Amount : -c.Amount));
        var paymentsByDay = payments.GroupBy(p => p.Day).ToDictionary(g => g.Key, g => (Count: g.Count(), Points: g.Sum(p => p.Amount)));

        var days = new List<DailyFigures>();
        var outstanding = outstandingNow;
        for (var day = today; day >= first; day = day.AddDays(-1))
        {
            var paid = paymentsByDay.GetValueOrDefault(day);
            days.Add(new DailyFigures(day, paid.Count, paid.Points, outstanding));
            outstanding -= deltaByDay.GetValueOrDefault(day);
        }

        days.Reverse();
        return days;
    }
}
