namespace Tsuyama.LocalCurrency.Simulation.MonteCarlo;

/// <summary>What one Monte Carlo run measured (yen/points as doubles: fees make fractions).</summary>
internal sealed class RunOutcome
{
    public required double R1 { get; init; }

    public required double R2 { get; init; }

    public required double R3 { get; init; }

    public required double Turnover { get; init; }

    public required double PointHandovers { get; init; }

    public required double BreakagePoints { get; init; }

    public required double[] SectorTurnover { get; init; }

    /// <summary>Per sector: median turnover of its merchants in this run.</summary>
    public required double[] MerchantMedian { get; init; }

    /// <summary>Per sector: 90th percentile turnover of its merchants in this run.</summary>
    public required double[] MerchantP90 { get; init; }

    /// <summary>Points outstanding (resident wallets + merchant balances) at the end of each day.</summary>
    public required double[] Outstanding { get; init; }

    /// <summary>Sum over days of <see cref="Outstanding"/>: point-days held in wallets and shop accounts.</summary>
    public required double PointDays { get; init; }

    /// <summary>Days from issue to a resident's payment, weighted by points spent.</summary>
    public required double MeanDaysInWallets { get; init; }

    /// <summary>Days from a shop receiving points to passing them on or having them redeemed, weighted by points.</summary>
    public required double MeanDaysWithShops { get; init; }

    /// <summary>Days a point waits, on average, between one hand-over in points and the next (or its end).</summary>
    public double DaysPerHandover => PointHandovers > 0 ? PointDays / PointHandovers : 0;

    public double Lm3 => R1 > 0 ? (R1 + R2 + R3) / R1 : 0;

    public double Multiplier => R1 > 0 ? Turnover / R1 : 0;

    public double HandoversPerPoint => R1 > 0 ? PointHandovers / R1 : 0;
}
