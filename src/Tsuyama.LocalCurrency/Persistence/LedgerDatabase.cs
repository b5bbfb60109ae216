using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>Configures the provider, its migrations assembly and the SQLite connection settings.</summary>
public static class LedgerDatabase
{
    public const string SqliteMigrationsAssembly = "Tsuyama.LocalCurrency.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Tsuyama.LocalCurrency.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "Tsuyama.LocalCurrency.Migrations.PostgreSql";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(PrepareSqlite(options.ConnectionString), o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                builder.AddInterceptors(SqliteConnectionSetup.Instance);
#pragma warning disable EF1001 // see LeanSqliteConnection
                builder.ReplaceService<ISqliteRelationalConnection, LeanSqliteConnection>();
#pragma warning restore EF1001
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(options.ConnectionString, o => o.MigrationsAssembly(SqlServerMigrationsAssembly));
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(options.ConnectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider.");
        }

        return builder;
    }

    public static DbContextOptions<LedgerDbContext> CreateOptions(DatabaseOptions options) =>
        ((DbContextOptionsBuilder<LedgerDbContext>)Configure(new DbContextOptionsBuilder<LedgerDbContext>(), options)).Options;

    /// <summary>Creates the folder of the database file and sets a generous busy timeout.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (!csb.ContainsKey("Default Timeout") || csb.DefaultTimeout == 30)
        {
            csb.DefaultTimeout = 60;
        }

        var path = csb.DataSource;
        if (!string.IsNullOrEmpty(path) && path != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
        }

        return csb.ToString();
    }
}
