namespace Tsuyama.LocalCurrency.Persistence;

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
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
        var kind = string.IsNullOrWhiteSpace(provider)
            ? DatabaseProvider.Sqlite
            : Enum.Parse<DatabaseProvider>(provider, ignoreCase: true);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return kind == DatabaseProvider.Sqlite
                ? DefaultSqlite
                : throw new InvalidOperationException("ConnectionStrings:Ledger is required when Database:Provider is SqlServer.");
        }

        return kind == DatabaseProvider.Sqlite ? Sqlite(connectionString) : new(kind, connectionString);
    }
}
