using Tsuyama.LocalCurrency.Benchmarks;

// dotnet run -c Release --project benchmarks/Tsuyama.LocalCurrency.Benchmarks -- <payments|simulation> [args]
return args.FirstOrDefault() switch
{
    "payments" => await PaymentBenchmark.RunAsync(args[1..]),
    "simulation" => SimulationBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: benchmarks <payments [count]|simulation>");
    return 2;
}
