using System.Diagnostics;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;
using Tsuyama.LocalCurrency.Features.Residents.RegisterResident;
using Tsuyama.LocalCurrency.Features.Sales.RecordCounterSale;
using Tsuyama.LocalCurrency.Features.Sales.VerifyResident;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.LoadTests;

/// <summary>
/// The same payments through the full MediatR pipeline (validation, transaction, idempotency) in this process, one
/// scope per payment as the web host makes one per request: what the design costs without HTTP, on the same disk.
/// </summary>
internal static class InProcessLoad
{
    /// <returns>Payments per second, and payments per committed transaction.</returns>
    public static async Task<(double Rate, double PerCommit)> RunAsync(string directory, int callers, TimeSpan duration, int maxGroup)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ledger:MaxGroupCommit"] = maxGroup.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();
        await using var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddLocalCurrencyCore(DatabaseOptions.Sqlite(Path.Combine(directory, $"in-process-{maxGroup}.db")), configuration)
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
        }

        var today = JapanTime.Today(TimeProvider.System);
        await SendAsync(services, new CreateProgramCommand("LOAD", "Load", 10_000, new PointsPerUnit(600_000, 700_000), 10_000_000, 1_000,
            today.AddDays(-1), today.AddDays(30), today.AddDays(180), 150, true, 50));
        var merchant = (await SendAsync(services, new RegisterMerchantCommand("店", "ミセ", "Shop", "5411", MerchantSize.Small,
            "7080000", "m@load.example", null, new PayoutDetails("0168", "101", BankAccountType.Ordinary, "1234567", "ミセ")))).MerchantId;
        var residents = new List<Guid>();
        for (var i = 0; i < 64; i++)
        {
            var id = (await SendAsync(services, new RegisterResidentCommand($"r{i}@load.example", null, "住民"))).ResidentId;
            await SendAsync(services, new VerifyResidentCommand(id, "my-number-card", today, Guid.Empty));
            await SendAsync(services, new RecordCounterSaleCommand(id, "LOAD", 100, 1_000_000, "cash", null, "load", $"buy-{i}"));
            residents.Add(id);
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        var gate = services.GetRequiredService<WriteGate>();
        var groupsBefore = gate.GroupsCommitted;
        long succeeded = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var resident = residents[c % residents.Count];
            for (var i = 0; stopwatch.Elapsed < duration; i++)
            {
                await using var scope = services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                    new PayCommand(resident, merchant, PaymentLoad.Amount, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), $"{run}-{c}-{i}"));
                if (result.IsSuccess)
                {
                    Interlocked.Increment(ref succeeded);
                }
            }
        })));
        var rate = succeeded / stopwatch.Elapsed.TotalSeconds;
        var perCommit = succeeded / (double)Math.Max(1, gate.GroupsCommitted - groupsBefore);
        SqliteConnection.ClearAllPools();
        return (rate, perCommit);
    }

    private static async Task<T> SendAsync<T>(IServiceProvider services, IRequest<Result<T>> request)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.Detail);
    }
}
