using Tsuyama.LocalCurrency.Simulation.ExpectedFlow;
using Tsuyama.LocalCurrency.Simulation.Results;

namespace Tsuyama.LocalCurrency.Simulation.MonteCarlo;

/// <summary>Runs many seeded agent-based runs in parallel and summarises them.</summary>
public static class MonteCarloEngine
{
    /// <param name="runs">Overrides the scenario's monteCarlo.runs when given.</param>
    /// <param name="progress">Receives the finished share of runs, 0..1, from worker threads.</param>
    /// <param name="maxDegreeOfParallelism">-1 uses every core.</param>
    public static MonteCarloResult Run(
        FlowModel model,
        int? runs = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(model);
        var scenario = model.Scenario;
        var count = runs ?? scenario.MonteCarlo.Runs;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(runs));
        var seed = scenario.MonteCarlo.Seed;
        var layout = new MarketLayout(model);
        var outcomes = new RunOutcome[count];
        var finished = 0;

        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = maxDegreeOfParallelism };
        // Each run's generator depends only on (seed, run index) and each result lands in its own slot,
        // so the answer is the same whatever thread ran which run.
        Parallel.For(
            0,
            count,
            options,
            () => new RunSimulator(layout),
            (run, _, simulator) =>
            {
                outcomes[run] = simulator.Run(seed, run, cancellationToken);
                progress?.Report((double)Interlocked.Increment(ref finished) / count);
                return simulator;
            },
            _ => { });

        return Summarise(scenario.Sectors.Select(s => s.Id).ToList(), seed, outcomes) with
        {
            ExpiryDay = scenario.ExpiryDays,
            StartDate = scenario.StartDate,
            ExpiresOn = scenario.ExpiresOn,
        };
    }

    private static MonteCarloResult Summarise(IReadOnlyList<string> sectorIds, int seed, RunOutcome[] outcomes)
    {
        // Runs end on different days; after its last day a run has nothing outstanding.
        var seriesDays = outcomes.Max(o => o.Outstanding.Length);
        var outstanding = new long[seriesDays];
        for (var day = 0; day < seriesDays; day++)
        {
            outstanding[day] = ExpectedFlowEngine.Yen(outcomes.Average(o => day < o.Outstanding.Length ? o.Outstanding[day] : 0));
        }

        return new MonteCarloResult
        {
            Runs = outcomes.Length,
            Seed = seed,
            Lm3 = Distribution.Of(outcomes.Select(o => o.Lm3).ToArray()),
            Multiplier = Distribution.Of(outcomes.Select(o => o.Multiplier).ToArray()),
            TurnoverYen = Distribution.Of(outcomes.Select(o => o.Turnover).ToArray()),
            R1Yen = Distribution.Of(outcomes.Select(o => o.R1).ToArray()),
            HandoversPerPoint = Distribution.Of(outcomes.Select(o => o.HandoversPerPoint).ToArray()),
            Sectors = sectorIds
                .Select((id, i) => new SectorMean
                {
                    Id = id,
                    TurnoverYen = ExpectedFlowEngine.Yen(outcomes.Average(o => o.SectorTurnover[i])),
                    MerchantTurnoverP50Yen = ExpectedFlowEngine.Yen(outcomes.Average(o => o.MerchantMedian[i])),
                    MerchantTurnoverP90Yen = ExpectedFlowEngine.Yen(outcomes.Average(o => o.MerchantP90[i])),
                })
                .ToList(),
            OutstandingPoints = outstanding,
            Velocity = new VelocityDays
            {
                DaysPerHandover = Math.Round(outcomes.Average(o => o.DaysPerHandover), 1),
                MeanDaysInWallets = Math.Round(outcomes.Average(o => o.MeanDaysInWallets), 1),
                MeanDaysWithShops = Math.Round(outcomes.Average(o => o.MeanDaysWithShops), 1),
            },
        };
    }
}
