using System.Diagnostics;
using System.Globalization;
using Tsuyama.LocalCurrency.Simulation;
using Tsuyama.LocalCurrency.Simulation.ExpectedFlow;
using Tsuyama.LocalCurrency.Simulation.MonteCarlo;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Benchmarks;

/// <summary>
/// Quick Stopwatch figures for the simulation (goal: 1,000 Monte Carlo runs of the baseline in ≤ 30 s on
/// two cores). Arguments: [baseline scenario path] [Monte Carlo runs].
/// </summary>
public static class SimulationBenchmark
{
    private const int SolveRepetitions = 51;

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var baselinePath = args.Length > 0 ? args[0] : FindBaseline();
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        if (baselinePath is null || !File.Exists(baselinePath))
        {
            Console.Error.WriteLine("simulation benchmark: tsuyama-baseline.json not found; pass its path as the first argument.");
            return 2;
        }

        var randomModel = FlowModel.From(RandomScenario(sectors: 50, seed: 5));
        ExpectedFlowEngine.Solve(randomModel); // warm-up (JIT)
        var times = new double[SolveRepetitions];
        for (var i = 0; i < times.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            ExpectedFlowEngine.Solve(randomModel);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"expected-flow solve, 50 random sectors: median {times[times.Length / 2]:0.000} ms over {SolveRepetitions} repetitions"));

        var baseline = FlowModel.From(ScenarioLoader.Load(baselinePath));
        MonteCarloEngine.Run(baseline, runs: Environment.ProcessorCount); // warm-up (JIT, tiered compilation)
        var mcWatch = Stopwatch.StartNew();
        var result = MonteCarloEngine.Run(baseline, runs);
        mcWatch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Monte Carlo, baseline scenario: {runs:N0} runs in {mcWatch.Elapsed.TotalSeconds:0.00} s on {Environment.ProcessorCount} cores " +
            $"({mcWatch.Elapsed.TotalMilliseconds / runs:0.0} ms/run); " +
            $"LM3 mean {result.Lm3.Mean:0.0000}, P5–P95 {result.Lm3.P5:0.0000}–{result.Lm3.P95:0.0000}"));
        return 0;
    }

    // Goes through the loader so the benchmark scenario is a valid one.
    private static Scenario RandomScenario(int sectors, int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, sectors).Select(i => $"s{i:00}").ToArray();
        var spend = Normalise(ids.Select(_ => random.NextDouble()).ToArray());
        var list = new List<Sector>();
        for (var i = 0; i < sectors; i++)
        {
            var targets = ids.OrderBy(_ => random.Next()).Take(5).ToArray();
            var shares = Normalise(targets.Select(_ => random.NextDouble()).ToArray());
            list.Add(new Sector
            {
                Id = ids[i],
                Name = "sector " + ids[i],
                Size = i % 5 == 0 ? SectorSize.Large : SectorSize.Small,
                Merchants = 5 + random.Next(50),
                ResidentSpendShare = spend[i],
                LocalRespendShare = 0.1 + (0.6 * random.NextDouble()),
                RespendInPointsShare = random.NextDouble(),
                SupplierShares = targets.Zip(shares).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal),
            });
        }

        var scenario = new Scenario
        {
            Name = "random benchmark scenario",
            Injection = new Injection { UnitsSold = 50_000, UnitPriceYen = 10_000,
                PointsPerUnit = new PointsPerUnit { General = 6_000, SmallBusiness = 7_000 } },
            NetNewConsumptionShare = 0.357,
            ExpiryDays = 180,
            RedemptionFeeRate = 0.01,
            MerchantTransferFeeRate = 0.005,
            Sectors = list,
            MonteCarlo = new MonteCarloSettings { Runs = 1, Seed = seed },
        };
        return ScenarioLoader.Parse(ScenarioLoader.ToJson(scenario));
    }

    private static double[] Normalise(double[] weights)
    {
        var sum = weights.Sum();
        return weights.Select(w => w / sum).ToArray();
    }

    internal static string? FindBaseline()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "simulations", "scenarios", "tsuyama-baseline.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
