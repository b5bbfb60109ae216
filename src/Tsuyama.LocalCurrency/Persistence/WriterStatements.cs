using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>
/// The statements every payment writes, prepared once on the group-commit writer connection (<see cref="WriteGate"/>)
/// and reused by every member after it. EF creates a new command per execution, and Microsoft.Data.Sqlite prepares a
/// new command's SQL again each time: in a profile of the in-process payment path, statement preparation and EF's
/// per-command set-up took about a quarter of the CPU inside the single-writer section (docs/benchmarks.md).
/// <para>
/// Only the writer connection has such a cache, and only the member holding the gate uses it, so it needs no lock.
/// Anywhere else (PostgreSQL, SQL Server, a SQLite writer outside a group), and whenever the context has an EF command
/// interceptor (which must see every command; the tests' fault injection is one), <see cref="ExecuteAsync"/> is EF's
/// <c>ExecuteSqlRaw</c> with the same text and values. Parameters are made by EF's type mappings in both routes, so a
/// value is stored the same way whichever route wrote it.
/// </para>
/// </summary>
internal sealed partial class WriterStatements : IDisposable
{
    private static readonly ConditionalWeakTable<DbConnection, WriterStatements> ByConnection = [];

    /// <summary>A payment writes a handful of shapes; anything beyond this is run unprepared rather than kept.</summary>
    private const int MaxCached = 64;

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    private WriterStatements(SqliteConnection connection) => _connection = connection;

    public int Count => _commands.Count;

    /// <summary>Gives the writer connection its statement cache; disposed with it by the gate.</summary>
    public static WriterStatements Attach(SqliteConnection writer)
    {
        var statements = new WriterStatements(writer);
        ByConnection.AddOrUpdate(writer, statements);
        return statements;
    }

    /// <summary>The cache of the context's connection, when it is the group writer and no command interceptor is configured.</summary>
    public static WriterStatements? On(LedgerDbContext db) =>
        ByConnection.TryGetValue(db.Database.GetDbConnection(), out var statements) && db.GetService<IInterceptors>().Aggregate<IDbCommandInterceptor>() is null
            ? statements
            : null;

    /// <summary>Reads the rows of <paramref name="query"/> (made by EF from LINQ) with <paramref name="values"/> for its parameters.</summary>
    public Task<List<T>> ReadAsync<T>(LedgerDbContext db, WriterQuery query, IReadOnlyList<object?> values, Func<SqliteDataReader, T> row,
        CancellationToken ct = default) =>
        RunAsync(db, query.Sql, query.Sql, values, query.ParameterNames, async command =>
        {
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows.Add(row(reader));
            }

            return rows;
        });

    /// <summary>
    /// Runs <paramref name="format"/> (EF's raw-SQL format: <c>{0}</c>, <c>{1}</c>… for the values) in the context's
    /// current transaction, and returns the rows affected.
    /// </summary>
    public static Task<int> ExecuteAsync(LedgerDbContext db, string format, IReadOnlyList<object?> values, CancellationToken ct) =>
        On(db) is { } statements
            ? statements.RunAsync(db, format, null, values, null, command => command.ExecuteNonQueryAsync(ct))
            : db.Database.ExecuteSqlRawAsync(format, (IEnumerable<object>)values, ct);

    /// <inheritdoc cref="ExecuteAsync(LedgerDbContext, string, IReadOnlyList{object?}, CancellationToken)"/>
    public static Task<int> ExecuteAsync(LedgerDbContext db, FormattableString sql, CancellationToken ct) =>
        ExecuteAsync(db, sql.Format, sql.GetArguments(), ct);

    /// <summary>
    /// Runs <paramref name="execute"/> on the cached command for <paramref name="key"/>, bound to <paramref name="values"/>.
    /// A command beyond <see cref="MaxCached"/> is made for this one run and disposed after it.
    /// </summary>
    /// <param name="sql">The SQL as it is, or null to make it from <paramref name="key"/>, EF's raw-SQL format.</param>
    /// <param name="names">The parameter names, or null for EF's raw-SQL names (<c>@p0</c>, <c>@p1</c>…).</param>
    private async Task<T> RunAsync<T>(LedgerDbContext db, string key, string? sql, IReadOnlyList<object?> values, IReadOnlyList<string>? names,
        Func<SqliteCommand, Task<T>> execute)
    {
        var cached = _commands.TryGetValue(key, out var command);
        if (!cached)
        {
            command = _connection.CreateCommand();
            command.CommandText = sql ?? Placeholder().Replace(key, "@p$1");
            if (_commands.Count < MaxCached)
            {
                _commands.Add(key, command);
                cached = true;
            }
        }

        try
        {
            Bind(db, command!, values, names);
            return await execute(command!).ConfigureAwait(false);
        }
        finally
        {
            if (!cached)
            {
                await command!.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static void Bind(LedgerDbContext db, SqliteCommand command, IReadOnlyList<object?> values, IReadOnlyList<string>? names)
    {
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        var mappings = db.GetService<IRelationalTypeMappingSource>();
        var parameters = command.Parameters;
        parameters.Clear();
        for (var i = 0; i < values.Count; i++)
        {
            var name = names?[i] ?? ParameterName(i);
            parameters.Add(values[i] is { } value
                ? mappings.GetMapping(value.GetType()).CreateParameter(command, name, value)
                : new SqliteParameter(name, DBNull.Value));
        }
    }

    private static readonly string[] Names = Enumerable.Range(0, 64).Select(Name).ToArray();

    private static string ParameterName(int i) => i < Names.Length ? Names[i] : Name(i);

    private static string Name(int i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        ByConnection.Remove(_connection);
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
