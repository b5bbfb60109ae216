using System.Diagnostics;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;
using Tsuyama.LocalCurrency.Features.Sales.RecordCounterSale;
using Tsuyama.LocalCurrency.Features.Sales.VerifyResident;
using Tsuyama.LocalCurrency.Features.Residents.RegisterResident;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Benchmarks;

/// <summary>
/// In-process payments per second on the embedded default (SQLite file, WAL), through the full
/// MediatR pipeline (validation, transaction, idempotency) exactly as the API calls it.
/// </summary>
public static class PaymentBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var payments = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        var directory = Path.Combine(Path.GetTempPath(), $"tlc-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddLocalCurrencyCore(DatabaseOptions.Sqlite(Path.Combine(directory, "bench.db")))
            .BuildServiceProvider();
        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
            }

            var (residents, merchants) = await SeedAsync(services, residentCount: 1_000, merchantCount: 20);
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
            foreach (var parallelism in new[] { 1, 4, 16 })
            {
                var (elapsed, ok) = await PayAsync(services, residents, merchants, payments, parallelism);
                Console.WriteLine($"payments: {payments:N0} with {parallelism,2} concurrent callers → {payments / elapsed.TotalSeconds,8:N0} payments/s " +
                    $"({ok:N0} succeeded, {elapsed.TotalSeconds:F2} s)");
            }

            return 0;
        }
        finally
        {
            await services.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(List<Guid> Residents, List<Guid> Merchants)> SeedAsync(IServiceProvider services, int residentCount, int merchantCount)
    {
        var today = JapanTime.Today(TimeProvider.System);
        await SendAsync(services, new CreateProgramCommand("BENCH", "Benchmark", 10_000, new PointsPerUnit(600_000, 700_000), 10_000_000, 1_000,
            today.AddDays(-1), today.AddDays(30), today.AddDays(180), 150, true, 50));
        var merchants = new List<Guid>();
        for (var i = 0; i < merchantCount; i++)
        {
            merchants.Add((await SendAsync(services, new RegisterMerchantCommand($"店{i}", "ミセ", $"Shop {i}", "5411",
                i % 4 == 0 ? MerchantSize.Large : MerchantSize.Small,
                "7080000", $"m{i}@bench.example", null, new PayoutDetails("0168", "101", BankAccountType.Ordinary, "1234567", "ミセ")))).MerchantId);
        }

        var residents = new List<Guid>();
        for (var i = 0; i < residentCount; i++)
        {
            var id = (await SendAsync(services, new RegisterResidentCommand($"r{i}@bench.example", null, "住民"))).ResidentId;
            await SendAsync(services, new VerifyResidentCommand(id, "my-number-card", today, Guid.Empty));
            await SendAsync(services, new RecordCounterSaleCommand(id, "BENCH", 10, 100_000, "cash", null, "bench", $"buy-{i}"));
            residents.Add(id);
        }

        return (residents, merchants);
    }

    private static async Task<(TimeSpan Elapsed, int Succeeded)> PayAsync(IServiceProvider services, List<Guid> residents,
        List<Guid> merchants, int count, int parallelism)
    {
        var next = -1;
        var succeeded = 0;
        var run = Guid.NewGuid().ToString("N")[..8];
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var resident = residents[i % residents.Count];
                await using var scope = services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                    new PayCommand(resident, merchants[i % merchants.Count], 100 + (i % 50), PaymentChannel.StoreQr,
                        IdempotencyScopes.User(resident), $"{run}-{i}"));
                if (result.IsSuccess)
                {
                    Interlocked.Increment(ref succeeded);
                }
            }
        })));
        return (stopwatch.Elapsed, succeeded);
    }

    private static async Task<T> SendAsync<T>(IServiceProvider services, IRequest<Result<T>> request)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.Detail);
    }
}
