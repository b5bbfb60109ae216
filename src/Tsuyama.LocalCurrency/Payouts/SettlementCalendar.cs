namespace Tsuyama.LocalCurrency.Payouts;

/// <summary>
/// When the host next runs a settlement (its recurring schedule, JST); null where nothing is scheduled
/// (the CLI settles when the operator says so).
/// </summary>
public interface ISettlementSchedule
{
    DateTimeOffset? NextRunAfter(DateTimeOffset now);
}

internal sealed class NoSettlementSchedule : ISettlementSchedule
{
    public DateTimeOffset? NextRunAfter(DateTimeOffset now) => null;
}

/// <summary>
/// What a settlement run on a JST day settles and when it pays: the cutoff is the day before the run, the
/// payout <see cref="SettlementOptions.PayoutDelayDays"/> bank business days after it. The scheduled job,
/// the settlement itself and the shop's "next payout" all read it from here.
/// </summary>
public static class SettlementCalendar
{
    public static DateOnly CutoffOfRunOn(DateOnly runDay) => runDay.AddDays(-1);

    public static DateOnly PayoutDateOfRunOn(DateOnly runDay, int payoutDelayDays) => BusinessDays.Add(runDay, payoutDelayDays);
}
