using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;
using Tsuyama.LocalCurrency.Features.Residents.RegisterResident;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Features.Sales.RecordCounterSale;
using Tsuyama.LocalCurrency.Features.Sales.VerifyResident;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.TestDatabases;

/// <summary>
/// The real core over a ledger database on a given clock, and the set-up every test project and the benchmarks
/// need (programs, shops, residents, purchases, payments) written once, through the real use cases.
/// </summary>
public class TestLedger : IAsyncDisposable
{
    /// <summary>2026-04-10 12:00 JST, the tests' first day.</summary>
    public static readonly DateTimeOffset Start = new(2026, 4, 10, 3, 0, 0, TimeSpan.Zero);

    /// <summary>The counter staff who verifies residents and records sales.</summary>
    public static readonly Guid CounterStaff = new("0193a000-0000-7000-8000-00000000c0de");

    /// <summary>The test programs' price of one unit.</summary>
    public const long YenPerUnit = 10_000;

    private int _keys;

    protected TestLedger(ServiceProvider services, TimeProvider time)
    {
        Services = services;
        Time = time;
    }

    public ServiceProvider Services { get; }

    /// <summary>The clock the core runs on.</summary>
    public TimeProvider Time { get; }

    public DateOnly Today => JapanTime.Today(Time);

    /// <summary>A migrated ledger on <paramref name="database"/> whose core reads <paramref name="time"/>.</summary>
    /// <param name="configure">Extra services, e.g. a failure-injecting EF interceptor, added after the core.</param>
    public static async Task<TestLedger> CreateAsync(DatabaseOptions database, TimeProvider time, Action<IServiceCollection>? configure = null)
    {
        var ledger = Open(database, time, configure);
        await ledger.MigrateAsync();
        return ledger;
    }

    /// <summary>The core over a ledger that is migrated already.</summary>
    public static TestLedger Open(DatabaseOptions database, TimeProvider time, Action<IServiceCollection>? configure = null) =>
        new(BuildServices(database, time, configure), time);

    /// <summary>The core's services as the hosts register them, with warnings-only logging and <paramref name="time"/> as the clock.</summary>
    protected static ServiceProvider BuildServices(DatabaseOptions database, TimeProvider time, Action<IServiceCollection>? configure)
    {
        var collection = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(time)
            .AddLocalCurrencyCore(database);
        configure?.Invoke(collection);
        return collection.BuildServiceProvider();
    }

    protected Task MigrateAsync() => WithDbAsync(db => DatabaseMigrator.MigrateAsync(db));

    /// <summary>The bank account every test shop is paid into.</summary>
    public static PayoutDetails Payout(string holderKana = "テストショウテン", string accountNumber = "1234567") =>
        new("0168", "101", BankAccountType.Ordinary, accountNumber, holderKana);

    public string NextKey() => $"key-{Interlocked.Increment(ref _keys)}";

    public async Task<Result<T>> SendAsync<T>(IRequest<Result<T>> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Sends a set-up request that must succeed; a refusal fails the caller with the rule's words.</summary>
    public async Task<T> MustAsync<T>(IRequest<Result<T>> request)
    {
        var result = await SendAsync(request);
        return result.IsSuccess
            ? result.Value
            : throw new InvalidOperationException($"{request.GetType().Name} was refused: {result.Error.Type}: {result.Error.Detail}");
    }

    public async Task<T> WithDbAsync<T>(Func<LedgerDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
    }

    public Task<int> ExecuteSqlAsync(string sql) => WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    /// <summary>A program at ¥10,000 a unit, on sale from 10 days ago for 30 days, its points valid for 180 days.</summary>
    public Task<ProgramCreated> CreateProgramAsync(string code = "P1", long general = 6_000, long smallBusiness = 7_000,
        int totalUnits = 1_000, int maxPerResident = 10, DateOnly? expiresOn = null, int redemptionFeeBps = 150,
        bool allowTransfers = true, int transferFeeBps = 50, DateOnly? salesFrom = null, DateOnly? salesUntil = null) =>
        MustAsync(new CreateProgramCommand(code, $"Program {code}", YenPerUnit, new PointsPerUnit(general, smallBusiness), totalUnits,
            maxPerResident, salesFrom ?? Today.AddDays(-10), salesUntil ?? Today.AddDays(30), expiresOn ?? Today.AddDays(180),
            redemptionFeeBps, allowTransfers, transferFeeBps));

    /// <param name="email">Null for a fresh unique address.</param>
    public async Task<Guid> RegisterResidentAsync(string? email = null, string name = "住民") =>
        (await MustAsync(new RegisterResidentCommand(email ?? $"r{Guid.NewGuid():N}@example.jp", null, name))).ResidentId;

    public Task<Guid> RegisterMerchantAsync(MerchantSize size = MerchantSize.Small) => RegisterMerchantAsync("5411", size);

    /// <param name="category">MCC, e.g. 5812 for a restaurant.</param>
    /// <param name="email">Null for a fresh unique address.</param>
    public async Task<Guid> RegisterMerchantAsync(string category, MerchantSize size = MerchantSize.Small, string? email = null,
        string name = "テスト商店", string kana = "テストショウテン") =>
        (await MustAsync(new RegisterMerchantCommand(name, kana, "Test Shop", category, size, "7080000",
            email ?? $"m{Guid.NewGuid():N}@example.jp", null, Payout(kana)))).MerchantId;

    /// <summary>Counter staff's identity and residence check, needed before any purchase.</summary>
    /// <param name="on">The day checked; today when null.</param>
    public Task<ResidentVerified> VerifyAsync(Guid resident, DateOnly? on = null) =>
        MustAsync(new VerifyResidentCommand(resident, "my-number-card", on ?? Today, CounterStaff));

    public async Task<Guid> RegisterVerifiedResidentAsync()
    {
        var resident = await RegisterResidentAsync();
        await VerifyAsync(resident);
        return resident;
    }

    /// <summary>A counter sale at the test programs' ¥10,000 a unit.</summary>
    public RecordCounterSaleCommand CounterSale(Guid resident, string programCode = "P1", int units = 1) =>
        new(resident, programCode, units, units * YenPerUnit, "cash", null, IdempotencyScopes.User(CounterStaff), NextKey());

    /// <summary>Verifies the resident (again) and sells at the counter.</summary>
    public async Task<PointsPurchased> BuyAsync(Guid resident, string programCode = "P1", int units = 1)
    {
        await VerifyAsync(resident);
        return await MustAsync(CounterSale(resident, programCode, units));
    }

    /// <summary>The resident's own store-QR payment, under the resident's idempotency scope.</summary>
    public PayCommand Payment(Guid resident, Guid merchant, long amount, string? key = null) =>
        new(resident, merchant, amount, PaymentChannel.StoreQr, IdempotencyScopes.User(resident), key ?? NextKey());

    public Task<PaymentMade> PayAsync(Guid resident, Guid merchant, long amount) => MustAsync(Payment(resident, merchant, amount));

    /// <summary>The shop's own refund of (part of) a payment, under the shop's idempotency scope.</summary>
    public RefundPaymentCommand Refund(Guid merchant, Guid payment, long amount) =>
        new(merchant, payment, amount, IdempotencyScopes.Merchant(merchant), NextKey());

    public virtual async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        // Pooled SQLite connections keep the file open; the caller may delete it next.
        SqliteConnection.ClearAllPools();
        GC.SuppressFinalize(this);
    }
}
