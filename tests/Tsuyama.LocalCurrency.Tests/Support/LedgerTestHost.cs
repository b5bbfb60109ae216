using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.TestDatabases;

namespace Tsuyama.LocalCurrency.Tests.Support;

/// <summary>
/// The shared <see cref="TestLedger"/> over a fresh, migrated database of its own (a SQLite file unless a provider is
/// named), on a fake clock set to <see cref="TestLedger.Start"/>.
/// </summary>
public sealed class LedgerTestHost : TestLedger
{
    private readonly string _directory;
    private readonly TestDatabase _database;

    private LedgerTestHost(string directory, TestDatabase database, ServiceProvider services, FakeTimeProvider clock)
        : base(services, clock)
    {
        _directory = directory;
        _database = database;
        Clock = clock;
    }

    public DatabaseOptions Database => _database.Options;

    public FakeTimeProvider Clock { get; }
    public string DatabasePath => Path.Combine(_directory, "ledger.db");

    /// <param name="configure">Extra services, e.g. a failure-injecting EF interceptor, added after the core.</param>
    public static async Task<LedgerTestHost> CreateAsync(Action<IServiceCollection>? configure = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var directory = Path.Combine(Path.GetTempPath(), "tlc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = await TestDatabase.CreateAsync(provider, directory);
        var clock = new FakeTimeProvider(Start);
        var host = new LedgerTestHost(directory, database, BuildServices(database.Options, clock, configure), clock);
        await host.MigrateAsync();
        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
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
