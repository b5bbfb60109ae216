using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;

/// <summary>
/// Circulation figures from the live ledger for JST days <paramref name="From"/>…<paramref name="To"/>,
/// both inclusive (DESIGN §7 "From the ledger", §8 <c>GET /api/v1/analytics/circulation</c>).
/// Without <paramref name="From"/> the period starts on the day of the first transfer; without
/// <paramref name="To"/> it ends today.
/// </summary>
public sealed record GetCirculationQuery(DateOnly? From = null, DateOnly? To = null) : IQuery<CirculationReport>;

internal sealed class GetCirculationValidator : IValidator<GetCirculationQuery>
{
    public void Validate(GetCirculationQuery r, ValidationErrors e)
    {
        e.LedgerDay(r.From, "from").LedgerDay(r.To, "to");
        e.Require(r.From is null || r.To is null || r.From <= r.To, "to", "must be on or after from");
    }
}

internal sealed class GetCirculationHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<GetCirculationQuery, Result<CirculationReport>>
{
    public async Task<Result<CirculationReport>> Handle(GetCirculationQuery query, CancellationToken ct)
    {
        // One committed state for every aggregate below, while payments go on.
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);

        var today = JapanTime.Today(clock);
        var to = query.To ?? today;
        var from = query.From ?? await FirstDayAsync(ct).ConfigureAwait(false) ?? to;
        if (from > to)
        {
            return Error.Validation("from", $"must be on or before to ({to:yyyy-MM-dd})");
        }

        var startUtc = JapanTime.EndOfDayUtc(from.AddDays(-1));
        var endUtc = JapanTime.EndOfDayUtc(to);
        var sources = new CirculationSources(db, startUtc, endUtc);

        var byType = await sources.TotalsByTypeAsync(ct).ConfigureAwait(false);
        var merchants = await sources.MerchantsAsync(ct).ConfigureAwait(false);
        var merchantSums = await sources.MerchantSumsAsync(ct).ConfigureAwait(false);
        var pairs = await sources.MerchantPairsAsync(ct).ConfigureAwait(false);
        var outstandingAtStart = await sources.OutstandingBeforeAsync(startUtc, ct).ConfigureAwait(false);
        var daily = await sources.DailyOutstandingChangesAsync(ct).ConfigureAwait(false);

        long Sum(TransferType type) => byType.GetValueOrDefault(type);
        var spent = Sum(TransferType.Payment) - Sum(TransferType.Refund);
        var (rows, activeMerchants) = SectorAggregation.Sectors(merchantSums, merchants, spent);
        if (activeMerchants is > 0 and < PrivacyRule.MinimumMerchants)
        {
            return Error.Rule(ProblemTypes.TooFewMerchants, "対象の店舗が少なすぎます / Too few merchants",
                $"Fewer than {PrivacyRule.MinimumMerchants} merchants were active from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}; " +
                "circulation figures would describe individual merchants. Choose a longer period.");
        }

        var changesByDay = daily.ToDictionary(d => DateOnly.FromDateTime(d.Day), d => d.Change);
        var outstandingAtEnd = outstandingAtStart + changesByDay.Values.Sum();
        var average = AverageOutstanding(outstandingAtStart, changesByDay, from, to < today ? to : today);

        var totals = new CirculationTotals(
            Sum(TransferType.Issue), Sum(TransferType.Payment), Sum(TransferType.Refund), spent,
            Sum(TransferType.MerchantTransfer), Sum(TransferType.MerchantTransferFee), Sum(TransferType.Redemption), Sum(TransferType.Expiry),
            outstandingAtStart, outstandingAtEnd, activeMerchants);

        var handovers = spent + totals.MerchantTransferred;
        var respent = totals.MerchantTransferred + totals.MerchantTransferFees;
        var indicators = new CirculationIndicators(
            HandoversPerPoint: spent > 0 ? (double)handovers / spent : null,
            Velocity: average > 0 ? handovers / average : null,
            AverageOutstanding: average,
            BreakageShare: SectorAggregation.Share(totals.Expired, spent + totals.Expired),
            RespendShare: SectorAggregation.Share(respent, respent + totals.Redeemed),
            RedemptionShare: SectorAggregation.Share(totals.Redeemed, respent + totals.Redeemed));

        return new CirculationReport(
            from, to, to.DayNumber - from.DayNumber + 1, totals, indicators, rows,
            SectorAggregation.Flows(pairs, merchants),
            new CirculationPrivacy(PrivacyRule.MinimumMerchants, PrivacyRule.Description));
    }

    /// <summary>
    /// Mean of the end-of-day outstanding over the JST days from <paramref name="from"/> to
    /// <paramref name="lastObserved"/> (days after today are not observed yet and would dilute it).
    /// </summary>
    private static double AverageOutstanding(long atStart, Dictionary<DateOnly, long> changesByDay, DateOnly from, DateOnly lastObserved)
    {
        if (lastObserved < from)
        {
            return atStart;
        }

        long level = atStart, total = 0;
        for (var day = from; day <= lastObserved; day = day.AddDays(1))
        {
            level += changesByDay.GetValueOrDefault(day);
            total += level;
        }

        return (double)total / (lastObserved.DayNumber - from.DayNumber + 1);
    }

    private async Task<DateOnly?> FirstDayAsync(CancellationToken ct)
    {
        var first = await db.Transfers.OrderBy(t => t.Sequence).Select(t => (DateTime?)t.CreatedAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return first is null ? null : JapanTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(first.Value, DateTimeKind.Utc)));
    }
}
