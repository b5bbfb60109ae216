using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Features.Sales.RecordCounterSale;
using Tsuyama.LocalCurrency.Features.Sales.VerifyResident;
using Tsuyama.LocalCurrency.Features.Residents.RegisterResident;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.TestDatabases;

namespace Tsuyama.LocalCurrency.Tests.Support;

/// <summary>The real core over a real, freshly migrated database (a SQLite file unless a provider is named), with a fake clock.</summary>
public sealed class LedgerTestHost : IAsyncDisposable
{
    /// <summary>2026-04-10 12:00 JST.</summary>
    public static readonly DateTimeOffset Start = new(2026, 4, 10, 3, 0, 0, TimeSpan.Zero);

    private readonly string _directory;
    private readonly TestDatabase _database;
    private int _keys;

    private LedgerTestHost(string directory, TestDatabase database, ServiceProvider services, FakeTimeProvider clock)
    {
        _directory = directory;
        _database = database;
        Services = services;
        Clock = clock;
    }

    public DatabaseOptions Database => _database.Options;

    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }
    public DateOnly Today => JapanTime.Today(Clock);
    public string DatabasePath => Path.Combine(_directory, "ledger.db");

    /// <param name="configure">Extra services, e.g. a failure-injecting EF interceptor, added after the core.</param>
    public static async Task<LedgerTestHost> CreateAsync(Action<IServiceCollection>? configure = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var directory = Path.Combine(Path.GetTempPath(), "tlc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = await TestDatabase.CreateAsync(provider, directory);
        var clock = new FakeTimeProvider(Start);
        var collection = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddLocalCurrencyCore(database.Options);
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        var host = new LedgerTestHost(directory, database, services, clock);
        await host.WithDbAsync(db => DatabaseMigrator.MigrateAsync(db));
        return host;
    }

    public string NextKey() => $"key-{Interlocked.Increment(ref _keys)}";

    public async Task<Result<T>> SendAsync<T>(IRequest<Result<T>> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<T> MustAsync<T>(IRequest<Result<T>> request)
    {
        var result = await SendAsync(request);
        result.IsSuccess.Should().BeTrue(because: result.Error?.Detail ?? "");
        return result.Value!;
    }

    public async Task<T> WithDbAsync<T>(Func<LedgerDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
    }

    public Task<int> ExecuteSqlAsync(string sql) => WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    public Task<ProgramCreated> CreateProgramAsync(string code = "P1", long general = 6_000, long smallBusiness = 7_000,
        int totalUnits = 1_000, int maxPerResident = 10, DateOnly? expiresOn = null, int redemptionFeeBps = 150,
        bool allowTransfers = true, int transferFeeBps = 50, DateOnly? salesFrom = null, DateOnly? salesUntil = null) =>
        MustAsync(new CreateProgramCommand(code, $"Program {code}", 10_000, new PointsPerUnit(general, smallBusiness), totalUnits, maxPerResident,
            salesFrom ?? Today.AddDays(-10), salesUntil ?? Today.AddDays(30),
                expiresOn ?? Today.AddDays(180), redemptionFeeBps, allowTransfers, transferFeeBps));

    public async Task<Guid> RegisterResidentAsync() =>
        (await MustAsync(new RegisterResidentCommand($"r{Guid.NewGuid():N}@example.jp", null, "住民"))).ResidentId;

    public Task<Guid> RegisterMerchantAsync(MerchantSize size = MerchantSize.Small) => RegisterMerchantAsync("5411", size);

    /// <param name="category">MCC, e.g. 5812 for a restaurant.</param>
    public async Task<Guid> RegisterMerchantAsync(string category, MerchantSize size = MerchantSize.Small) =>
        (await MustAsync(new RegisterMerchantCommand("テスト商店", "テストショウテン", "Test Shop", category, size, "7080000",
            $"m{Guid.NewGuid():N}@example.jp", null, new PayoutDetails("0168", "101", BankAccountType.Ordinary, "1234567", "テストショウテン")))).MerchantId;

    /// <summary>Counter staff's identity and residence check, needed before any purchase.</summary>
    public Task<ResidentVerified> VerifyAsync(Guid resident) => MustAsync(new VerifyResidentCommand(resident, "my-number-card", Today, CounterStaff));

    public async Task<Guid> RegisterVerifiedResidentAsync()
    {
        var resident = await RegisterResidentAsync();
        await VerifyAsync(resident);
        return resident;
    }

    public static readonly Guid CounterStaff = new("0193a000-0000-7000-8000-00000000c0de");

    /// <summary>A counter sale at the test programs' ¥10,000 a unit.</summary>
    public RecordCounterSaleCommand CounterSale(Guid resident, string programCode = "P1", int units = 1) =>
        new(resident, programCode, units, units * 10_000L, "cash", null, IdempotencyScopes.User(CounterStaff), NextKey());

    /// <summary>Verifies the resident (again) and sells at the counter.</summary>
    public async Task<PointsPurchased> BuyAsync(Guid resident, string programCode = "P1", int units = 1)
    {
        await VerifyAsync(resident);
        return await MustAsync(CounterSale(resident, programCode, units));
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless; failing the test for it would not be.
        }
    }
}
