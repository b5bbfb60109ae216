using System.Diagnostics;
using System.Globalization;
using Tsuyama.LocalCurrency.FaultHarness;

// dotnet run -c Release --project tests/Tsuyama.LocalCurrency.FaultHarness -- crash [--rounds 20] [--clients 8] [--seed 1]
// dotnet run -c Release --project tests/Tsuyama.LocalCurrency.FaultHarness -- kill-cli [--rounds 5] [--seed 1]
// dotnet run -c Release --project tests/Tsuyama.LocalCurrency.FaultHarness -- hosts --postgres "<Npgsql connection string>" \
//     [--hosts 2] [--clients 8] [--seconds 20]
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

    case "hosts":
        {
            // Payments/s over HTTP with N host processes on one PostgreSQL database (created afresh on the server named).
            var at = Array.IndexOf(args, "--postgres");
            if (at < 0 || at + 1 >= args.Length)
            {
                Console.Error.WriteLine("hosts needs --postgres \"Host=...;Username=...;Database=postgres\" (a server where it may create a database)");
                return 2;
            }

            var server = new Npgsql.NpgsqlConnectionStringBuilder(args[at + 1]);
            var name = $"tlc_bench_{Guid.NewGuid():N}";
            await using (var admin = new Npgsql.NpgsqlConnection(server.ConnectionString))
            {
                await admin.OpenAsync();
                await new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin).ExecuteNonQueryAsync();
            }

            var database = new Tsuyama.LocalCurrency.Persistence.DatabaseOptions(Tsuyama.LocalCurrency.Persistence.DatabaseProvider.PostgreSql,
                new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString);
            var hostCount = Option("--hosts", 2);
            await using (var hosts = await SeveralHosts.StartAsync(database, directory, hostCount))
            {
                await hosts.CreateProgramAsync();
                var rate = await hosts.MeasurePaymentsPerSecondAsync(
                    Option("--clients", 8),
                    TimeSpan.FromSeconds(Option("--seconds", 20)),
                    TimeSpan.FromSeconds(5));
                Console.WriteLine($"{hostCount} host(s), {Option("--clients", 8)} clients per host: {rate:F0} payments/s over HTTP");
            }

            Npgsql.NpgsqlConnection.ClearAllPools();
            await using (var admin = new Npgsql.NpgsqlConnection(server.ConnectionString))
            {
                await admin.OpenAsync();
                await new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
            }

            return 0;
        }

    default:
        Console.Error.WriteLine(
            "usage: crash [--rounds N] [--clients N] [--seed N] | kill-cli [--rounds N] [--seed N]"
            + " | hosts --postgres CS [--hosts N] [--clients N] [--seconds N]");
        return 2;
}
