using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Reliability.Tests.Support;

/// <summary>
/// The real core over its own SQLite file, with a fake clock. The file is a copy of one migrated
/// template, so a sequence starts from an empty ledger in milliseconds.
/// </summary>
public sealed class CoreHost : IAsyncDisposable
{
    /// <summary>2026-04-10 12:00 JST.</summary>
    public static readonly DateTimeOffset Start = new(2026, 4, 10, 3, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);
    private readonly string _directory;

    private CoreHost(string directory, ServiceProvider services, FakeTimeProvider clock)
    {
        _directory = directory;
        Services = services;
        Clock = clock;
    }

    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }
    public DateOnly Today => JapanTime.Today(Clock);
    public string DatabasePath => Path.Combine(_directory, "ledger.db");

    /// <param name="from">A database file to start from (e.g. one made by <see cref="SaveAsAsync"/>); by default an empty migrated ledger.</param>
    public static async Task<CoreHost> CreateAsync(string? from = null)
    {
        var template = from ?? await Template.Value;
        var directory = Path.Combine(Path.GetTempPath(), "tlc-reliability", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        File.Copy(template, Path.Combine(directory, "ledger.db"));
        var clock = new FakeTimeProvider(Start);
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Critical))
            .AddSingleton<TimeProvider>(clock)
            .AddLocalCurrencyCore(DatabaseOptions.Sqlite(Path.Combine(directory, "ledger.db")))
            .BuildServiceProvider();
        return new CoreHost(directory, services, clock);
    }

    public async Task<Result<T>> SendAsync<T>(IRequest<Result<T>> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<T> MustAsync<T>(IRequest<Result<T>> request)
    {
        var result = await SendAsync(request);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"{request.GetType().Name} failed: {result.Error!.Type} {result.Error.Detail}");
        }

        return result.Value!;
    }

    public async Task<T> WithDbAsync<T>(Func<LedgerDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
    }

    /// <summary>A consistent copy of the database (WAL included) to start other hosts from.</summary>
    public async Task SaveAsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $path";
        command.Parameters.AddWithValue("$path", path);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection($"Data Source={DatabasePath}"));
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tlc-reliability", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "ledger.db");
        await using (var services = new ServiceCollection().AddLogging().AddLocalCurrencyCore(DatabaseOptions.Sqlite(path)).BuildServiceProvider())
        {
            await using var scope = services.CreateAsyncScope();
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
        }

        // Closing the last connection checkpoints the WAL into the file, so the copy is complete.
        SqliteConnection.ClearAllPools();
        return path;
    }
}
