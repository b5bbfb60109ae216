using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>
/// One SQLite transaction shared by the commands queued behind the writer gate (see <see cref="WriteGate"/>). Each
/// member works in its own savepoint on <see cref="Connection"/> (the gate's writer connection, which outlives the
/// group); <see cref="Committed"/> completes once the whole group is durable, or faults if it is not, and then nothing
/// of any member was kept.
/// </summary>
internal sealed class CommitGroup
{
    private readonly TaskCompletionSource _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _doom;
    private int _savepoints;

    private CommitGroup(SqliteConnection connection, SqliteTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    public SqliteConnection Connection { get; }

    /// <summary>When the group began (<see cref="Stopwatch.GetTimestamp"/>), for the age limit.</summary>
    public long StartedAt { get; } = Stopwatch.GetTimestamp();
    public SqliteTransaction Transaction { get; }

    /// <summary>Members that ran in this group so far (kept, refused or failed).</summary>
    public int Members { get; private set; }

    /// <summary>The shared transaction can no longer be committed; the next member to leave rolls it back.</summary>
    public bool Doomed => _doom is not null;

    /// <summary>Awaited by every member before it answers its caller.</summary>
    public Task Committed => _outcome.Task;

    /// <summary>Opens the connection every group of this process writes on; kept open from group to group.</summary>
    public static async Task<SqliteConnection> OpenWriterAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
            // The same settings the EF interceptor gives every other connection (foreign keys are per connection).
            pragmas.CommandText = SqliteConnectionSetup.Pragmas;
            await pragmas.ExecuteNonQueryAsync().ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>IMMEDIATE, as every other write transaction: the write lock is taken now, not at the first write.</summary>
    public static CommitGroup Begin(SqliteConnection writer) => new(writer, writer.BeginTransaction(deferred: false));

    /// <summary>A fresh savepoint name for the next member (members run one after another, never nested).</summary>
    public string NextSavepoint()
    {
        Members++;
        return "member_" + (++_savepoints).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A member could not undo its own part (its savepoint is gone, or SQLite rolled the whole transaction back,
    /// as it does on a full disk or an I/O error): the group must not commit what is left.
    /// </summary>
    public void Doom(Exception reason) => _doom ??= reason;

    /// <summary>
    /// SQLite rolls a whole transaction back on some errors (SQLITE_FULL, SQLITE_IOERR) without telling the savepoint;
    /// after that the connection is in autocommit mode and the next member's writes would commit one by one.
    /// </summary>
    public bool TransactionIsOpen() => SQLitePCL.raw.sqlite3_get_autocommit(Connection.Handle) == 0;

    /// <summary>Commits (or, when doomed, rolls back) and completes <see cref="Committed"/>. Never throws: the outcome goes to the members.</summary>
    /// <returns>Whether the group committed.</returns>
    public async Task<bool> CompleteAsync()
    {
        try
        {
            if (_doom is null && !TransactionIsOpen())
            {
                _doom = new InvalidOperationException("The shared transaction was rolled back by SQLite before its commit.");
            }

            if (_doom is not null)
            {
                await RollBackQuietlyAsync().ConfigureAwait(false);
                _outcome.SetException(new GroupCommitFailedException(_doom));
                return false;
            }

            await Transaction.CommitAsync().ConfigureAwait(false);
            _outcome.SetResult();
            return true;
        }
        catch (Exception ex)
        {
            await RollBackQuietlyAsync().ConfigureAwait(false);
            _outcome.TrySetException(new GroupCommitFailedException(ex));
            return false;
        }
        finally
        {
            try
            {
                await Transaction.DisposeAsync().ConfigureAwait(false);
            }
            catch (SqliteException)
            {
                // Disposing rolls back what is still open; SQLite may have done so already.
            }

            // Nobody may be left to observe a failure (every member failed on its own): that is not a crash.
            _ = _outcome.Task.Exception;
        }
    }

    private async Task RollBackQuietlyAsync()
    {
        try
        {
            if (TransactionIsOpen())
            {
                await Transaction.RollbackAsync().ConfigureAwait(false);
            }
        }
        catch (SqliteException)
        {
            // Already rolled back by SQLite; nothing of the group is kept either way.
        }
    }
}

/// <summary>The shared transaction of a group commit did not commit: none of its members took effect.</summary>
public sealed class GroupCommitFailedException(Exception inner)
    : Exception("The transaction shared with other commands could not be committed; nothing was changed.", inner);
