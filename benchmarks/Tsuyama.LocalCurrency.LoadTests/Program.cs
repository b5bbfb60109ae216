using System.Globalization;
using Tsuyama.LocalCurrency.LoadTests;

// dotnet run -c Release --project benchmarks/Tsuyama.LocalCurrency.LoadTests -- http [--connections 64] [--seconds 20] [--warmup 3]
//     [--residents 64] [--ceiling-seconds 5] [--in-process-callers 16] [--in-process-seconds 10] [--client dotnet|wrk] [--max-group 32]
//     [--host-env KEY=VALUE]... [--verify-timeout 600 (0 = skip)] [--keep]
if (args.FirstOrDefault() != "http")
{
    Console.Error.WriteLine("usage: load http [--connections N] [--seconds S] [--warmup S] [--residents N] [--ceiling-seconds S] "
        + "[--in-process-callers N] [--in-process-seconds S (0 = skip)] [--client dotnet|wrk] [--max-group 32] "
        + "[--host-env KEY=VALUE]... [--verify-timeout 600 (0 = skip)] [--keep]");
    return 2;
}

var options = LoadOptions.Parse(args[1..]);
if (options is null)
{
    return 2;
}

return await LoadRun.RunAsync(options);

/// <param name="Client">dotnet: the tool's own HttpClient load generator; wrk: /usr/bin/wrk with a Lua script.</param>
internal sealed record LoadOptions(int Connections, int Seconds, int WarmUp, int Residents, int CeilingSeconds, int InProcessCallers, int InProcessSeconds,
    string Client, int MaxGroup, int VerifyTimeout, bool Keep)
{
    /// <summary>Extra environment for the host process (e.g. DOTNET_gcServer=0), for experiments.</summary>
    public List<KeyValuePair<string, string>> HostEnvironment { get; } = [];

    public static LoadOptions? Parse(string[] args)
    {
        var o = new LoadOptions(64, 20, 3, 64, 5, 16, 10, "dotnet", 32, 600, false);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep")
            {
                o = o with { Keep = true };
                continue;
            }

            if (args[i] == "--host-env")
            {
                var pair = i + 1 < args.Length ? args[++i].Split('=', 2) : [];
                if (pair.Length != 2 || pair[0].Length == 0)
                {
                    Console.Error.WriteLine("error: --host-env needs KEY=VALUE");
                    return null;
                }

                o.HostEnvironment.Add(new(pair[0], pair[1]));
                continue;
            }

            if (args[i] == "--client")
            {
                if (i + 1 >= args.Length || args[i + 1] is not ("dotnet" or "wrk"))
                {
                    Console.Error.WriteLine("error: --client is dotnet or wrk");
                    return null;
                }

                o = o with { Client = args[++i] };
                continue;
            }

            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || (value <= 0 && args[i] is not ("--in-process-seconds" or "--warmup" or "--verify-timeout")))
            {
                var unknown = args[i].StartsWith("--", StringComparison.Ordinal) ? "" : " (unknown option)";
                Console.Error.WriteLine($"error: {args[i]} needs a whole number{unknown}");
                return null;
            }

            o = args[i++] switch
            {
                "--connections" => o with { Connections = value },
                "--seconds" => o with { Seconds = value },
                "--warmup" => o with { WarmUp = value },
                "--residents" => o with { Residents = value },
                "--ceiling-seconds" => o with { CeilingSeconds = value },
                "--in-process-callers" => o with { InProcessCallers = value },
                "--in-process-seconds" => o with { InProcessSeconds = value },
                "--max-group" => o with { MaxGroup = value },
                "--verify-timeout" => o with { VerifyTimeout = value },
                var unknown => null!,
            };
            if (o is null)
            {
                Console.Error.WriteLine($"error: unknown option {args[i - 1]}");
                return null;
            }
        }

        return o;
    }
}
