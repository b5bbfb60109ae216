using System.CommandLine;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tsuyama.LocalCurrency.Cli.Infrastructure;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;
using Tsuyama.LocalCurrency.Features.Sales.RecordCounterSale;
using Tsuyama.LocalCurrency.Features.Sales.VerifyResident;
using Tsuyama.LocalCurrency.Features.Residents.RegisterResident;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Cli.Tests;

/// <summary>
/// A temp SQLite ledger filled through the real use cases with a clock set in the past, so the CLI
/// (which runs on the real clock) finds settled days and expired lots.
/// </summary>
internal sealed class CliLedger : IAsyncDisposable
{
    private CliLedger(string directory) => Directory = directory;

    public string Directory { get; }
    public string DbPath => Path.Combine(Directory, "ledger.db");
    public string OutPath => Path.Combine(Directory, "out");

    /// <summary>10 days ago, noon JST: payments are made then, and the program expired 2 days ago.</summary>
    public static DateOnly PastDay => JapanTime.Today(TimeProvider.System).AddDays(-10);

    public static async Task<CliLedger> CreateAsync(int merchants = 2)
    {
        var ledger = new CliLedger(Path.Combine(Path.GetTempPath(), "tlc-cli-tests", Guid.NewGuid().ToString("N")));
        System.IO.Directory.CreateDirectory(ledger.Directory);
        var clock = new FakeTimeProvider(new DateTimeOffset(PastDay.ToDateTime(new TimeOnly(12, 0)), JapanTime.Offset));
        await using var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddLocalCurrencyCore(DatabaseOptions.Sqlite(ledger.DbPath))
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
        }

        await MustAsync(services, new CreateProgramCommand("P1", "Program P1", 10_000, new PointsPerUnit(6_000, 7_000), 100, 10,
            PastDay.AddDays(-1), PastDay, PastDay.AddDays(7), 150, true, 50));
        var resident = (await MustAsync(services, new RegisterResidentCommand($"r{Guid.NewGuid():N}@example.jp", null, "住民"))).ResidentId;
        await MustAsync(services, new VerifyResidentCommand(resident, "my-number-card", PastDay.AddDays(-1), Guid.Empty));
        await MustAsync(services, new RecordCounterSaleCommand(resident, "P1", 1, 10_000, "cash", null, "counter", "buy"));
        for (var i = 0; i < merchants; i++)
        {
            var shop = (await MustAsync(services, new RegisterMerchantCommand($"店{i}", "ミセ", "Shop", "5411", MerchantSize.Small, "7080000",
                $"m{Guid.NewGuid():N}@example.jp", null, new PayoutDetails("0168", "101", BankAccountType.Ordinary, "1234567", "ミセ")))).MerchantId;
            await MustAsync(services, new PayCommand(resident, shop, 1_000, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), $"pay{i}"));
        }

        SqliteConnection.ClearAllPools();
        return ledger;
    }

    /// <summary>More set-up through the use cases, on this ledger at noon JST of <paramref name="day"/>.</summary>
    public async Task SendAsync<T>(DateOnly day, params IRequest<Result<T>>[] requests)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), JapanTime.Offset));
        await using var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddLocalCurrencyCore(DatabaseOptions.Sqlite(DbPath))
            .BuildServiceProvider();
        foreach (var request in requests)
        {
            await MustAsync(services, request);
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>Runs one CLI command the way Program.cs does, against this ledger.</summary>
    public Task<int> RunAsync(Command command, params string[] args) =>
        CliRunner.RunAsync(new RootCommand { CommonOptions.Db, command }, [command.Name, .. args, "--db", DbPath]);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return ValueTask.CompletedTask;
    }

    private static async Task<T> MustAsync<T>(IServiceProvider services, IRequest<Result<T>> request)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
        result.IsSuccess.Should().BeTrue(because: result.Error?.Detail ?? "");
        return result.Value!;
    }
}
