using Tsuyama.LocalCurrency.Benchmarks;

// Payments over HTTP: benchmarks/Tsuyama.LocalCurrency.LoadTests (the real host under load, with the raw SQLite ceiling).
// dotnet run -c Release --project benchmarks/Tsuyama.LocalCurrency.Benchmarks -- <payments|simulation|uncertainty|settlement|verify> [args]
return args.FirstOrDefault() switch
{
    "payments" => await PaymentBenchmark.RunAsync(args[1..]),
    "simulation" => SimulationBenchmark.Run(args[1..]),
    "uncertainty" => UncertaintyBenchmark.Run(args[1..]),
    "settlement" => await SettlementBenchmark.RunAsync(args[1..]),
    "verify" => await VerifyBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine(
        "usage: benchmarks <payments [count]|simulation|uncertainty [scenario] [draws]|settlement [merchants] [payments] [path]|verify path [runs]>");
    return 2;
}
