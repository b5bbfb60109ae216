using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tsuyama.LocalCurrency.Persistence;

#pragma warning disable EF1001 // Deriving from the provider's connection is the only way to change how it is created.

/// <summary>
/// EF's SQLite connection registers about ten custom SQL functions (regexp, decimal arithmetic) on
/// every connection it creates, and Microsoft.Data.Sqlite re-registers them on every open. Each
/// registration leaves a native callback handle for the finalizer: about ten per request, which a
/// profile of the API under load showed as a quarter of its CPU. The ledger uses none of those
/// functions (money is integer, no regular expressions), so the connection is created plain.
/// </summary>
internal sealed class LeanSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override DbConnection CreateDbConnection() => new SqliteConnection(ConnectionString);
}
#pragma warning restore EF1001
