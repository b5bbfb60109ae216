using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.FaultHarness;

public sealed record LedgerTotals(long Wallets, long Shops, long Redeemed, long Expired, long FeesRetired, long Issued)
{
    /// <summary>wallets + shops + redeemed + expired (+ transfer fees back at the issuer) = issued.</summary>
    public bool Balanced => Wallets + Shops + Redeemed + Expired + FeesRetired == Issued;

    public override string ToString() =>
        $"wallets {Wallets:N0} + shops {Shops:N0} + redeemed {Redeemed:N0} + expired {Expired:N0} + fees {FeesRetired:N0}"
        + $" = {Wallets + Shops + Redeemed + Expired + FeesRetired:N0}, issued {Issued:N0}";
}

/// <summary>Reads a ledger through the core while another process may be writing it (a SQLite file: WAL readers do not block).</summary>
public sealed class LedgerFile : IAsyncDisposable
{
    private readonly DatabaseOptions _database;
    private readonly ServiceProvider _services;

    public LedgerFile(string path)
        : this(DatabaseOptions.Sqlite(path))
    {
    }

    public LedgerFile(DatabaseOptions database)
    {
        _database = database;
        _services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Critical))
            .AddLocalCurrencyCore(database)
            .BuildServiceProvider();
    }

    public Task MigrateAsync() => WithDbAsync(db => DatabaseMigrator.MigrateAsync(db));

    public async Task<T> WithDbAsync<T>(Func<LedgerDbContext, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
    }

    public async Task<T> SendAsync<T>(MediatR.IRequest<Common.Result<T>> request)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(request);
        return result.IsSuccess ? result.Value! : throw new InvalidOperationException($"{request.GetType().Name}: {result.Error!.Type} {result.Error.Detail}");
    }

    public Task<LedgerTotals> TotalsAsync() => WithDbAsync(async db =>
    {
        var byType = await (
                from b in db.Balances
                join a in db.Accounts on b.AccountId equals a.Id
                group b by a.Type into g
                select new { g.Key, Sum = g.Sum(b => b.Amount) })
            .ToDictionaryAsync(x => x.Key, x => x.Sum);
        var issued = await db.Transfers.Where(t => t.Type == TransferType.Issue).SumAsync(t => t.Amount);
        var fees = await db.Transfers.Where(t => t.Type == TransferType.MerchantTransferFee).SumAsync(t => t.Amount);
        return new LedgerTotals(byType.GetValueOrDefault(AccountType.Resident), byType.GetValueOrDefault(AccountType.Merchant),
            byType.GetValueOrDefault(AccountType.Redeemed), byType.GetValueOrDefault(AccountType.Expired), fees, issued);
    });

    public async Task<IReadOnlyList<string>> VerifyAsync() => (await SendAsync(new VerifyLedgerQuery())).Problems;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_database.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearPool(new SqliteConnection(_database.ConnectionString));
        }
        else
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
        }
    }
}
