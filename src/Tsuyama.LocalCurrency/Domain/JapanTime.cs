namespace Tsuyama.LocalCurrency.Domain;

/// <summary>
/// The one definition of Japan time. Business days (sales windows, expiry, cutoffs) are Japan dates
/// and recurring jobs are scheduled in Japan time; Japan has had no daylight saving since 1951, so
/// a fixed offset is exact.
/// </summary>
public static class JapanTime
{
    /// <summary>The offset in whole hours, for queries that shift a stored UTC time in SQL (<c>AddHours</c> translates on every provider).</summary>
    public const int OffsetHours = 9;

    /// <summary>The IANA name, for clients that take a zone id (a browser, a cron library).</summary>
    public const string ZoneId = "Asia/Tokyo";

    public static readonly TimeSpan Offset = TimeSpan.FromHours(OffsetHours);

    /// <summary>The system zone when the host has time-zone data, else the same fixed offset.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The first UTC instant of the JST day after <paramref name="day"/>.</summary>
    public static DateTime EndOfDayUtc(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset).UtcDateTime;

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("JST", Offset, "Japan Standard Time", "JST");
        }
    }
}
