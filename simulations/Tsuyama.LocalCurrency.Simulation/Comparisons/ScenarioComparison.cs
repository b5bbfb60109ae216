using System.Globalization;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;
using Tsuyama.LocalCurrency.Simulation.Uncertainty;

namespace Tsuyama.LocalCurrency.Simulation.Comparisons;

/// <summary>Side-by-side scenarios and one-input sweeps, from the exact model (milliseconds per scenario).</summary>
public static class ScenarioComparison
{
    /// <summary>Most points a sweep may have (more would be a typo in the step, and a slow API call).</summary>
    public const int MaxSweepPoints = 1_000;

    /// <summary>Most scenarios one comparison may hold.</summary>
    public const int MaxScenarios = 20;

    private static readonly (string Name, Func<Headline, double?> Get)[] Figures =
    [
        ("lm3", h => h.Lm3),
        ("multiplier", h => h.Multiplier),
        ("totalLocalTurnoverYen", h => h.TotalLocalTurnoverYen),
        ("inducedConsumptionYen", h => h.InducedConsumptionYen),
        ("inducedTurnoverYen", h => h.InducedTurnoverYen),
        ("netEffectYen", h => h.NetEffectYen),
        ("benefitCostRatio", h => h.BenefitCostRatio),
        ("ioTotalProductionYen", h => h.IoTotalProductionYen),
    ];

    public static ComparisonResult Compare(IReadOnlyList<Scenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        if (scenarios.Count is < 2 or > MaxScenarios)
        {
            throw new ScenarioValidationException([$"a comparison needs from 2 to {MaxScenarios} scenarios (got {scenarios.Count})"]);
        }

        var solved = scenarios.Select(s => (Headline: Headline.Evaluate(s, out var expected, out _, out _), Expected: expected)).ToList();
        var headline = Figures.Select(f =>
        {
            var values = solved.Select(s => f.Get(s.Headline)).ToList();
            return new ComparedFigure
            {
                Figure = f.Name,
                Values = values,
                DifferenceFromFirst = values.Select(v => v - values[0]).ToList(),
            };
        }).ToList();

        var sectors = solved[0].Expected.Sectors.Select(first =>
        {
            var rows = solved.Select(s => s.Expected.Sectors.FirstOrDefault(x => x.Id == first.Id)).ToList();
            var turnover = rows.Select(r => r?.TurnoverYen ?? 0).ToList();
            return new ComparedSector
            {
                Id = first.Id,
                Name = first.Name,
                TurnoverYen = turnover,
                PerTenThousandYen = rows.Select(r => r?.PerTenThousandYen ?? 0).ToList(),
                TurnoverDifferenceFromFirst = turnover.Select(t => t - turnover[0]).ToList(),
            };
        }).ToList();

        return new ComparisonResult { Scenarios = scenarios.Select(s => s.Name).ToList(), Headline = headline, Sectors = sectors };
    }

    /// <summary>Parses <c>name=lo:hi:step</c> (the CLI's --sweep).</summary>
    public static (string Parameter, double From, double To, double Step) ParseSweep(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var parts = eq > 0 ? text[(eq + 1)..].Split(':') : [];
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
        if (eq <= 0 || numbers.Length != 3 || numbers.Any(double.IsNaN))
        {
            throw new ScenarioValidationException([$"--sweep must look like name=lo:hi:step, e.g. premiumRate=0.1:0.3:0.05 (got \"{text}\")"]);
        }

        return (text[..eq], numbers[0], numbers[1], numbers[2]);
    }

    public static SweepResult Sweep(Scenario scenario, string parameter, double from, double to, double step)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var input = ScenarioParameter.Parse(parameter, scenario, out var error) ?? throw new ScenarioValidationException([$"sweep: {error}"]);
        var errors = new List<string>();
        if (!double.IsFinite(from) || !double.IsFinite(to) || !double.IsFinite(step) || step <= 0 || to < from)
        {
            errors.Add($"sweep {parameter}: needs from ≤ to and a step above 0 (got {from}:{to}:{step})");
        }
        else if (((to - from) / step) + 1 > MaxSweepPoints)
        {
            errors.Add($"sweep {parameter}: at most {MaxSweepPoints} points (got {Math.Floor((to - from) / step) + 1})");
        }

        var (min, max) = input.IsShift ? (-1.0, 1.0) : (input.Min, input.Max);
        if (errors.Count == 0 && (from < min || to > max))
        {
            errors.Add($"sweep {parameter}: values must lie within {ScenarioParameter.Format(min)}…{ScenarioParameter.Format(max)}");
        }

        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        // Count, not accumulate: 0.1 + 0.1 + 0.1 must not skip the last point or land on 0.30000000000000004.
        var count = (int)Math.Floor(((to - from) / step) + 1e-9) + 1;
        var points = new List<SweepPoint>(count);
        for (var k = 0; k < count; k++)
        {
            var value = Math.Round(from + (k * step), 12);
            var at = input.Apply(scenario, value);
            var trapped = FlowModel.SectorsThatNeverLeak(at);
            if (trapped.Count > 0)
            {
                throw new ScenarioValidationException(
                    [$"sweep {parameter}={ScenarioParameter.Format(value)}: money entering {string.Join(", ", trapped)} never leaves the region"]);
            }

            var h = Headline.Evaluate(at);
            points.Add(new SweepPoint
            {
                Value = value,
                Lm3 = h.Lm3,
                Multiplier = h.Multiplier,
                TotalLocalTurnoverYen = h.TotalLocalTurnoverYen,
                InducedConsumptionYen = h.InducedConsumptionYen,
                InducedTurnoverYen = h.InducedTurnoverYen,
                NetEffectYen = h.NetEffectYen,
                BenefitCostRatio = h.BenefitCostRatio,
                IoTotalProductionYen = h.IoTotalProductionYen,
            });
        }

        return new SweepResult { Scenario = scenario.Name, Parameter = parameter, Points = points };
    }
}
