using Tsuyama.LocalCurrency.Simulation.MonteCarlo;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation.Uncertainty;

/// <summary>
/// Parameter Monte Carlo and tornado over the scenario's input ranges. Each draw samples every range
/// independently from a triangular (low, likely, high) distribution and re-solves the exact model.
/// </summary>
public static class ParameterUncertainty
{
    /// <returns>Null when the scenario gives no ranges.</returns>
    public static UncertaintyResult? Run(Scenario scenario, int? draws = null, CancellationToken cancellationToken = default, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Uncertainty is not { Ranges.Count: > 0 } settings)
        {
            return null;
        }

        var count = draws ?? settings.Draws;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(draws));
        var ranges = Resolve(scenario);
        var likely = ranges.Aggregate(scenario, (s, r) => r.Parameter.Apply(s, r.Likely));
        var outcomes = new Headline[count];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, count, options, draw =>
        {
            // One generator per draw: the answer does not depend on which thread ran it.
            var rng = new Xoshiro256(settings.Seed, draw);
            var drawn = likely;
            foreach (var r in ranges)
            {
                drawn = r.Parameter.Apply(drawn, Triangular(rng.NextDouble(), r.Low, r.Likely, r.High));
            }

            outcomes[draw] = Headline.Evaluate(drawn);
        });

        Interval Of(Func<Headline, double> figure) => Interval.Of(outcomes.Select(figure).ToArray());
        var bars = ranges
            .Select(r => (r, AtLow: Headline.Evaluate(r.Parameter.Apply(likely, r.Low)), AtHigh: Headline.Evaluate(r.Parameter.Apply(likely, r.High))))
            .ToList();
        IReadOnlyList<TornadoBar> Tornado(Func<Headline, double> figure) => bars
            .Select(b => new TornadoBar
            {
                Parameter = b.r.Parameter.Name,
                Low = b.r.Low,
                High = b.r.High,
                AtLow = figure(b.AtLow),
                AtHigh = figure(b.AtHigh),
                Swing = Math.Abs(figure(b.AtHigh) - figure(b.AtLow)),
            })
            .OrderByDescending(b => b.Swing)
            .ThenBy(b => b.Parameter, StringComparer.Ordinal)
            .ToList();

        return new UncertaintyResult
        {
            Draws = count,
            Seed = settings.Seed,
            Ranges = ranges
                .Select(r => new InputRangeResult { Parameter = r.Parameter.Name, Low = r.Low, Likely = r.Likely, High = r.High, Source = r.Source })
                .ToList(),
            Lm3 = Of(h => h.Lm3),
            Multiplier = Of(h => h.Multiplier),
            TotalLocalTurnoverYen = Of(h => h.TotalLocalTurnoverYen),
            InducedConsumptionYen = Of(h => h.InducedConsumptionYen),
            InducedTurnoverYen = Of(h => h.InducedTurnoverYen),
            NetEffectYen = Of(h => h.NetEffectYen),
            BenefitCostRatio = outcomes.All(o => o.BenefitCostRatio is not null) ? Of(h => h.BenefitCostRatio!.Value) : null,
            IoTotalProductionYen = outcomes.All(o => o.IoTotalProductionYen is not null) ? Of(h => h.IoTotalProductionYen!.Value) : null,
            Tornado = new TornadoResult { Lm3 = Tornado(h => h.Lm3), Multiplier = Tornado(h => h.Multiplier), NetEffectYen = Tornado(h => h.NetEffectYen) },
        };
    }

    /// <summary>Inverse CDF of the triangular distribution.</summary>
    public static double Triangular(double u, double low, double likely, double high)
    {
        if (high <= low)
        {
            return low;
        }

        var split = (likely - low) / (high - low);
        return u < split
            ? low + Math.Sqrt(u * (high - low) * (likely - low))
            : high - Math.Sqrt((1 - u) * (high - low) * (high - likely));
    }

    internal static IReadOnlyList<ResolvedRange> Resolve(Scenario scenario)
    {
        var resolved = new List<ResolvedRange>();
        foreach (var range in scenario.Uncertainty?.Ranges ?? [])
        {
            var parameter = ScenarioParameter.Parse(range.Parameter, scenario, out var error)
                ?? throw new ScenarioValidationException([$"uncertainty.ranges: {error}"]);
            resolved.Add(new ResolvedRange(parameter, range.Low, range.Likely ?? parameter.Get(scenario), range.High, range.Source));
        }

        return resolved;
    }

    internal sealed record ResolvedRange(ScenarioParameter Parameter, double Low, double Likely, double High, string? Source);
}
