using System.Diagnostics;
using System.Globalization;
using Tsuyama.LocalCurrency.Simulation.Comparisons;
using Tsuyama.LocalCurrency.Simulation.Scenarios;
using Tsuyama.LocalCurrency.Simulation.Uncertainty;

namespace Tsuyama.LocalCurrency.Benchmarks;

/// <summary>
/// Issue #13 goals: 10,000 parameter draws of the baseline ≤ 10 s; a 20-point sweep ≤ 5 s.
/// Arguments: [baseline scenario path] [draws].
/// </summary>
public static class UncertaintyBenchmark
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var path = args.Length > 0 ? args[0] : SimulationBenchmark.FindBaseline();
        var draws = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        if (path is null || !File.Exists(path))
        {
            Console.Error.WriteLine("uncertainty benchmark: tsuyama-baseline.json not found; pass its path as the first argument.");
            return 2;
        }

        var baseline = ScenarioLoader.Load(path);
        ParameterUncertainty.Run(baseline, draws: 100); // warm-up (JIT, tiered compilation)
        var watch = Stopwatch.StartNew();
        var result = ParameterUncertainty.Run(baseline, draws)!;
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parameter draws, baseline ({result.Ranges.Count} ranges): {draws:N0} draws in {watch.Elapsed.TotalSeconds:0.00} s " +
            $"on {Environment.ProcessorCount} cores " +
            $"({watch.Elapsed.TotalMilliseconds * 1000 / draws:0} µs/draw, tornado included); LM3 P5–P95 {result.Lm3.P5:0.000}–{result.Lm3.P95:0.000}"));

        ScenarioComparison.Sweep(baseline, "premiumRate", 0.1, 0.3, 0.1); // warm-up
        watch.Restart();
        var sweep = ScenarioComparison.Sweep(baseline, "premiumRate", 0.1, 0.29, 0.01);
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweep premiumRate 0.10–0.29: {sweep.Points.Count} points in {watch.Elapsed.TotalMilliseconds:0.0} ms " +
            $"(net effect {sweep.Points[0].NetEffectYen:N0} → {sweep.Points[^1].NetEffectYen:N0} yen)"));
        return 0;
    }
}
