using System.Diagnostics;
using System.Globalization;
using Tsuyama.LocalCurrency.FaultHarness;

// dotnet run -c Release --project tests/Tsuyama.LocalCurrency.FaultHarness -- crash [--rounds 20] [--clients 8] [--seed 1]
// dotnet run -c Release --project tests/Tsuyama.LocalCurrency.FaultHarness -- kill-cli [--rounds 5] [--seed 1]
var command = args.FirstOrDefault() ?? "help";
int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

var directory = Path.Combine(Path.GetTempPath(), "tlc-harness", Guid.NewGuid().ToString("N"));
var watch = Stopwatch.StartNew();
switch (command)
{
    case "crash":
        {
            var report = await new CrashLoop(directory, Option("--clients", 8), Option("--seed", 1), Console.WriteLine).RunAsync(Option("--rounds", 20));
            Console.WriteLine(report);
            Console.WriteLine($"{watch.Elapsed.TotalSeconds:F0} s; database kept at {directory}");
            return report.Problems.Count == 0 && report.Totals.Balanced ? 0 : 1;
        }

    case "kill-cli":
        {
            var report = await new CliKills(directory, Option("--seed", 1), Console.WriteLine).RunAsync(Option("--rounds", 5));
            Console.WriteLine(report);
            Console.WriteLine($"{watch.Elapsed.TotalSeconds:F0} s; databases kept under {directory}");
            return report.Problems.Count == 0 ? 0 : 1;
        }

    default:
        Console.Error.WriteLine("usage: crash [--rounds N] [--clients N] [--seed N] | kill-cli [--rounds N] [--seed N]");
        return 2;
}
