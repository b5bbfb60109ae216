using Microsoft.AspNetCore.Hosting;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.TestDatabases;

namespace Tsuyama.LocalCurrency.Web.Tests.Support;

/// <summary>
/// The real web host on a fresh database of the given provider. A server database is migrated first, as
/// the operator does with the CLI (the host migrates only SQLite itself).
/// </summary>
public sealed class ProviderApiFactory : ApiFactory
{
    private readonly TestDatabase _database;

    private ProviderApiFactory(string directory, TestDatabase database)
        : base(directory, tokenPermitsPerMinute: 10_000) => _database = database;

    public DatabaseProvider Provider => _database.Provider;

    public static async Task<ProviderApiFactory> CreateAsync(DatabaseProvider provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "tlc-web-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var database = await TestDatabase.CreateAsync(provider, directory);
        if (provider != DatabaseProvider.Sqlite)
        {
            await using var db = new LedgerDbContext(LedgerDatabase.CreateOptions(database.Options));
            await DatabaseMigrator.MigrateAsync(db);
        }

        return new ProviderApiFactory(directory, database);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Ledger", _database.Options.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
