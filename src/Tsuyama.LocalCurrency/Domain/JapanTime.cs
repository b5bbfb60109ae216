namespace Tsuyama.LocalCurrency.Domain;

/// <summary>Business days (sales windows, expiry, cutoffs) are Japan dates; Japan has no DST.</summary>
public static class JapanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The first UTC instant of the JST day after <paramref name="day"/>.</summary>
    public static DateTime EndOfDayUtc(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset).UtcDateTime;
}
