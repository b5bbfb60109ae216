using Tsuyama.LocalCurrency.Simulation.Uncertainty;

namespace Tsuyama.LocalCurrency.Simulation.Scenarios;

/// <summary>The uncertainty section: ranges of inputs to vary.</summary>
internal static partial class ScenarioValidator
{
    // Ranges name inputs of the assembled scenario, so they are checked last, against it.
    private static Scenario ValidateUncertainty(UncertaintyDocument? doc, Scenario scenario)
    {
        if (doc is null)
        {
            return scenario;
        }

        var errors = new List<string>();
        if (doc.Draws is < 1)
        {
            errors.Add(Describe("uncertainty.draws", doc.Draws, "must be a positive whole number"));
        }

        var ranges = new List<InputRange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (range, i) in (doc.Ranges ?? []).Select((r, i) => (r, i)))
        {
            var path = $"uncertainty.ranges[{i}]";
            if (range?.Parameter is not { Length: > 0 } name)
            {
                errors.Add($"{path}.parameter is required");
                continue;
            }

            var parameter = ScenarioParameter.Parse(name, scenario, out var error);
            if (parameter is null)
            {
                errors.Add($"{path}.parameter: {error}");
                continue;
            }

            if (!seen.Add(name))
            {
                errors.Add($"{path}: \"{name}\" has more than one range");
            }

            if (range.Low is not { } low || range.High is not { } high || !double.IsFinite(low) || !double.IsFinite(high))
            {
                errors.Add($"{path} ({name}): low and high are required numbers");
                continue;
            }

            var likely = range.Likely ?? parameter.Get(scenario);
            var (min, max) = parameter.IsShift ? (-1.0, 1.0) : (parameter.Min, parameter.Max);
            if (low < min || high > max)
            {
                errors.Add($"{path} ({name}): low and high must lie within {ScenarioParameter.Format(min)}…{ScenarioParameter.Format(max)}");
            }

            if (!(low <= likely && likely <= high))
            {
                errors.Add($"{path} ({name}): needs low ≤ likely ≤ high (got {ScenarioParameter.Format(low)}, {ScenarioParameter.Format(likely)}, " +
                    $"{ScenarioParameter.Format(high)}{(range.Likely is null ? "; likely is the scenario's own value" : string.Empty)})");
            }

            ranges.Add(new InputRange { Parameter = name, Low = low, Likely = range.Likely, High = high, Source = range.Source });
        }

        if (ranges.Count == 0 && errors.Count == 0)
        {
            errors.Add("uncertainty.ranges must list at least one range");
        }

        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        var result = scenario with { Uncertainty = new UncertaintySettings { Draws = doc.Draws ?? 2_000, Seed = doc.Seed ?? 0, Ranges = ranges } };

        // Every draw must be a scenario the engines can solve: check the corners where re-spend is highest and lowest.
        var resolved = ParameterUncertainty.Resolve(result);
        var allHigh = resolved.Aggregate(result, (s, r) => r.Parameter.Apply(s, r.High));
        var allLow = resolved.Aggregate(result, (s, r) => r.Parameter.Apply(s, r.Low));
        foreach (var corner in new[] { allHigh, allLow })
        {
            var trapped = FlowModel.SectorsThatNeverLeak(corner);
            if (trapped.Count > 0)
            {
                throw new ScenarioValidationException(
                [
                    $"uncertainty.ranges: at the ends of the ranges money entering {string.Join(", ", trapped)} never leaves the region; " +
                    "narrow the re-spend ranges",
                ]);
            }
        }

        return result;
    }
}
