using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Persistence;

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
    PostgreSql = 2,
}

/// <summary>Bound from <c>Database:Provider</c> and <c>ConnectionStrings:Ledger</c>.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlitePath = "data/ledger.db";

    public static DatabaseOptions DefaultSqlite { get; } = Sqlite(DefaultSqlitePath);

    /// <summary>A bare path is a SQLite file; anything with '=' is already a connection string.</summary>
    public static DatabaseOptions Sqlite(string pathOrConnectionString) =>
        new(DatabaseProvider.Sqlite, pathOrConnectionString.Contains('=', StringComparison.Ordinal)
            ? pathOrConnectionString
            : $"Data Source={pathOrConnectionString}");

    public static DatabaseOptions From(string? provider, string? connectionString)
    {
        var kind = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(provider)
            && (!Enum.TryParse(provider, ignoreCase: true, out kind) || !Enum.IsDefined(kind)))
        {
            throw new ConfigurationError(
                $"Database:Provider '{provider}' is not known; use one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return kind == DatabaseProvider.Sqlite
                ? DefaultSqlite
                : throw new ConfigurationError($"ConnectionStrings:Ledger is required when Database:Provider is {kind}.");
        }

        return kind == DatabaseProvider.Sqlite ? Sqlite(connectionString) : new(kind, connectionString);
    }
}
