using Tsuyama.LocalCurrency.Payouts;

namespace Tsuyama.LocalCurrency.Cli.Commands;

/// <summary>
/// When the demo's residents buy and how many payments fall on each day. Purchases bunch at the
/// start of the sales window and each purchase is spent mostly in the weeks after it (spending
/// decays with time since purchase), with more on weekends and holidays than on working days.
/// </summary>
internal sealed class DemoSchedule
{
    /// <summary>Weekends and holidays see this many times a working day's spending (shops' busiest days).</summary>
    public const double HolidayFactor = 1.35;

    /// <summary>Relative payments per hour from 11:00 to 19:00: peaks at lunch and after work, as shops' tills see it.</summary>
    private static readonly double[] HourWeights = [1.0, 1.6, 1.1, 0.8, 0.9, 1.1, 1.5, 1.4, 0.9];

    private DemoSchedule(DateOnly first, int salesDays, int[] purchaseDay, int[] payments)
    {
        First = first;
        SalesDays = salesDays;
        PurchaseDay = purchaseDay;
        Payments = payments;
    }

    public DateOnly First { get; }

    /// <summary>Days the main program is on sale, from <see cref="First"/>.</summary>
    public int SalesDays { get; }

    /// <summary>Per resident, the day (0-based) they buy.</summary>
    public IReadOnlyList<int> PurchaseDay { get; }

    /// <summary>Per day (0-based), how many payments are attempted.</summary>
    public IReadOnlyList<int> Payments { get; }

    public static DemoSchedule Plan(DateOnly first, int days, int residents, int payments, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var salesDays = Math.Max(1, days / 3);
        var purchaseDay = new int[residents];
        for (var i = 0; i < residents; i++)
        {
            // The first few queue on the opening day; the rest arrive ever more slowly (exponential, mean a sixth of the window).
            purchaseDay[i] = i < Math.Max(3, residents / 10)
                ? 0
                : Math.Min(salesDays - 1, (int)(-Math.Log(1 - random.NextDouble()) * salesDays / 6.0));
        }

        var decayDays = Math.Max(3.0, days / 4.0);
        var weights = new double[days];
        for (var d = 0; d < days; d++)
        {
            var fresh = purchaseDay.Where(p => p <= d).Sum(p => Math.Exp(-(d - p) / decayDays));
            var dayFactor = BusinessDays.IsBankHoliday(first.AddDays(d)) ? HolidayFactor : 1.0;
            // A floor keeps a trickle going once the fresh money is spent: people hold some back for later.
            weights[d] = dayFactor * (fresh + (0.1 * residents));
        }

        return new DemoSchedule(first, salesDays, purchaseDay, Allocate(weights, payments));
    }

    /// <summary>A payment's time of day, 11:00–20:00, drawn by <see cref="HourWeights"/>.</summary>
    public static TimeOnly PaymentTime(Random random)
    {
        var u = random.NextDouble() * HourWeights.Sum();
        var hour = 0;
        while (hour < HourWeights.Length - 1 && u >= HourWeights[hour])
        {
            u -= HourWeights[hour++];
        }

        return new TimeOnly(11 + hour, 0).Add(TimeSpan.FromSeconds(random.Next(3600)));
    }

    /// <summary>Shares <paramref name="total"/> by weight (largest remainder), at least one a day when there are enough.</summary>
    private static int[] Allocate(double[] weights, int total)
    {
        var days = weights.Length;
        var floor = total >= days ? 1 : 0;
        var rest = total - (floor * days);
        var sum = weights.Sum();
        var exact = weights.Select(w => rest * w / sum).ToArray();
        var counts = exact.Select(x => floor + (int)Math.Floor(x)).ToArray();
        var left = total - counts.Sum();
        foreach (var d in Enumerable.Range(0, days).OrderByDescending(d => exact[d] - Math.Floor(exact[d])).Take(left))
        {
            counts[d]++;
        }

        return counts;
    }

    /// <summary>The default settlement schedule (the 15th and the month's last day, Jobs:SettlementCrons in the web host).</summary>
    public static bool IsCutoff(DateOnly day) => day.Day == 15 || day.AddDays(1).Day == 1;
}
