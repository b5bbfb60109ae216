using Microsoft.Data.Sqlite;
using Npgsql;
using Tsuyama.LocalCurrency.Persistence;
using Xunit;

namespace Tsuyama.LocalCurrency.TestDatabases;

/// <summary>
/// A fresh, empty ledger database for one test: a SQLite file in the test's folder, or a new database
/// on the PostgreSQL server named by <see cref="PostgreSqlVariable"/> (dropped again on dispose).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>An Npgsql connection string to a server where the tests may create and drop databases; .ci/run sets it.</summary>
    public const string PostgreSqlVariable = "TSUYAMA_TEST_POSTGRES";

    private readonly string? _postgreSqlName;

    private TestDatabase(DatabaseOptions options, string? postgreSqlName)
    {
        Options = options;
        _postgreSqlName = postgreSqlName;
    }

    public DatabaseOptions Options { get; }
    public DatabaseProvider Provider => Options.Provider;

    public static string? PostgreSqlServer =>
        Environment.GetEnvironmentVariable(PostgreSqlVariable) is { Length: > 0 } server ? server : null;

    /// <summary>The providers a test runs against; one that is not available here reports skipped (see ProviderTheory).</summary>
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    /// <summary>Why a provider's tests cannot run here, or null when they can.</summary>
    public static string? Unavailable(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => null,
        DatabaseProvider.PostgreSql when PostgreSqlServer is not null => null,
        DatabaseProvider.PostgreSql =>
            $"PostgreSQL is not available: set {PostgreSqlVariable} to an Npgsql connection string of a server the tests may create databases on"
            + " (.ci/run starts one).",
        _ => $"{provider} cannot run on this machine.",
    };

    /// <param name="directory">Where a SQLite file goes.</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string directory)
    {
        if (Unavailable(provider) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(DatabaseOptions.Sqlite(Path.Combine(directory, "ledger.db")), null);
        }

        var server = new NpgsqlConnectionStringBuilder(PostgreSqlServer);
        var name = $"tlc_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
        return new TestDatabase(new DatabaseOptions(DatabaseProvider.PostgreSql, database.ConnectionString), name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgreSqlName is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgreSqlServer);
        await connection.OpenAsync();
        // FORCE: a host process killed by a test may still hold a connection for a moment.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgreSqlName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
