namespace Tsuyama.LocalCurrency.Jobs;

/// <summary>Recurring jobs are scheduled in Japan time (cron expressions are JST).</summary>
public static class JapanTimeZone
{
    public static TimeZoneInfo Instance { get; } = Find();

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        }
        catch (TimeZoneNotFoundException)
        {
            // Japan has had no daylight saving since 1951, so a fixed offset is exact.
            return TimeZoneInfo.CreateCustomTimeZone("JST", TimeSpan.FromHours(9), "Japan Standard Time", "JST");
        }
    }
}
