using System.Text.Json.Serialization;

namespace Tsuyama.LocalCurrency.Simulation.Results;

/// <summary>The agent-based Monte Carlo answer; runs, lm3 and multiplier are the DESIGN §7 contract.</summary>
public sealed record MonteCarloResult
{
    public required int Runs { get; init; }

    public required int Seed { get; init; }

    public required Distribution Lm3 { get; init; }

    public required Distribution Multiplier { get; init; }

    /// <summary>Extra: total local turnover per run, yen.</summary>
    public required Distribution TurnoverYen { get; init; }

    /// <summary>Extra: round 1 per run (what residents actually spent), yen.</summary>
    public required Distribution R1Yen { get; init; }

    /// <summary>Extra: hand-overs per point per run.</summary>
    public required Distribution HandoversPerPoint { get; init; }

    /// <summary>Extra: mean turnover per sector over the runs, yen.</summary>
    public required IReadOnlyList<SectorMean> Sectors { get; init; }

    /// <summary>Extra: mean points outstanding at the end of each day (index = day, 0 = issue day).</summary>
    public required IReadOnlyList<long> OutstandingPoints { get; init; }

    /// <summary>Extra: the day (index into <see cref="OutstandingPoints"/>) residents' unspent points expire.</summary>
    public int ExpiryDay { get; init; }

    /// <summary>Extra: the scenario's startDate (day 0), if given.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Extra: the last valid day, if the scenario gives a startDate.</summary>
    public DateOnly? ExpiresOn { get; init; }

    /// <summary>Extra: how long points stay put, in days (means over the runs).</summary>
    public required VelocityDays Velocity { get; init; }
}

/// <summary>Velocity of the points in days rather than as a rate, so a council reads "a point changes hands every N days".</summary>
public sealed record VelocityDays
{
    /// <summary>Point-days outstanding ÷ points handed over (resident payments and shop-to-shop transfers).</summary>
    public required double DaysPerHandover { get; init; }

    /// <summary>Days from issue to the resident's payment, weighted by points spent.</summary>
    public required double MeanDaysInWallets { get; init; }

    /// <summary>Days from a shop receiving points to transferring them or having them redeemed at a settlement.</summary>
    public required double MeanDaysWithShops { get; init; }
}

public sealed record SectorMean
{
    public required string Id { get; init; }

    public required long TurnoverYen { get; init; }

    /// <summary>A typical shop of the sector: median merchant turnover, averaged over runs, yen.</summary>
    public required long MerchantTurnoverP50Yen { get; init; }

    /// <summary>A busy shop of the sector: 90th percentile merchant turnover, averaged over runs, yen.</summary>
    public required long MerchantTurnoverP90Yen { get; init; }
}

/// <summary>Summary of one measure over the runs; <see cref="Samples"/> feeds reports and CSV, not JSON.</summary>
public sealed record Distribution
{
    public required double Mean { get; init; }

    public required double P5 { get; init; }

    public required double P50 { get; init; }

    public required double P95 { get; init; }

    /// <summary>Extra: sample standard deviation over runs.</summary>
    public required double Sd { get; init; }

    public required double Min { get; init; }

    public required double Max { get; init; }

    [JsonIgnore]
    public IReadOnlyList<double> Samples { get; init; } = [];

    /// <summary>Half-width of the 95 % confidence interval of the mean (1.96·sd/√runs).</summary>
    [JsonIgnore]
    public double MeanHalfWidth95 => Samples.Count > 0 ? 1.96 * Sd / Math.Sqrt(Samples.Count) : double.NaN;

    public static Distribution Of(IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples.", nameof(samples));
        }

        var sorted = samples.Order().ToArray();
        var mean = samples.Average();
        var variance = samples.Count > 1 ? samples.Sum(x => (x - mean) * (x - mean)) / (samples.Count - 1) : 0;
        return new Distribution
        {
            Mean = mean,
            P5 = Percentile(sorted, 0.05),
            P50 = Percentile(sorted, 0.50),
            P95 = Percentile(sorted, 0.95),
            Sd = Math.Sqrt(variance),
            Min = sorted[0],
            Max = sorted[^1],
            Samples = samples,
        };
    }

    /// <summary>Linear interpolation between closest ranks (the "type 7" rule of R and Excel's PERCENTILE.INC).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var position = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
