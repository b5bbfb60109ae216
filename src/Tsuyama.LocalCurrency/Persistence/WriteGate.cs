using System.Diagnostics;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>
/// SQLite has one writer at a time. Left to SQLite, queued writers sleep in its busy handler with
/// growing back-off (up to 100 ms) and wake late; an async gate in the process hands the write lock
/// to the next command as soon as it is free. Other processes on the same file (the CLI) are still
/// covered by the busy timeout. SQL Server locks rows, so there the gate does nothing.
/// <para>
/// Group commit: commands marked <see cref="Common.IGroupCommit"/> that queue behind each other share one
/// transaction (<see cref="CommitGroup"/>). The member holding the gate leaves the transaction open while another
/// member is waiting for the gate, and the last one in line (or the one that fills the group, or finds it older than
/// <see cref="LedgerOptions.MaxGroupCommitAge"/>) commits it, so one
/// commit serves a whole queue. Exclusive entries (every other writer) commit an open group first.
/// </para>
/// </summary>
public sealed class WriteGate(DatabaseOptions database, IOptions<LedgerOptions> options) : IDisposable
{
    private readonly int _maxGroupSize = Math.Max(1, options.Value.MaxGroupCommit);
    private readonly TimeSpan? _maxGroupAge = options.Value.MaxGroupCommitAge;
    private readonly SemaphoreSlim? _gate = database.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;
    private int _joining;
    private long _groupsCommitted;

    /// <summary>Only read and written while holding the gate.</summary>
    private CommitGroup? _open;

    /// <summary>The connection groups write on, opened once (only touched while holding the gate).</summary>
    private Microsoft.Data.Sqlite.SqliteConnection? _writer;

    /// <summary>The writer's prepared statements (only touched while holding the gate).</summary>
    private WriterStatements? _statements;

    /// <summary>How many group transactions have committed (for tests and the load tool's figures).</summary>
    public long GroupsCommitted => Interlocked.Read(ref _groupsCommitted);

    /// <summary>How many statements the writer connection holds prepared (for tests: they are made once, then reused).</summary>
    internal int PreparedStatements => _statements?.Count ?? 0;

    /// <summary>Whether <see cref="Common.IGroupCommit"/> commands share transactions here (SQLite only).</summary>
    internal bool GroupsCommits => _gate is not null;

    /// <summary>Group members waiting for the gate right now.</summary>
    internal int Joining => Volatile.Read(ref _joining);

    public async ValueTask<Releaser> EnterAsync(CancellationToken ct)
    {
        if (_gate is not null)
        {
            await _gate.WaitAsync(ct).ConfigureAwait(false);
            // This writer uses its own connection: an open group would hold SQLite's write lock against it.
            await CloseGroupAsync().ConfigureAwait(false);
        }

        return new Releaser(_gate);
    }

    /// <summary>
    /// Waits for the gate and returns the open group, or begins one. Not cancellable: a member that counted itself
    /// as waiting must arrive, or the member ahead of it would leave the group open for nobody to commit.
    /// The caller must call <see cref="LeaveAsync"/> once, whatever happens.
    /// </summary>
    internal async ValueTask<CommitGroup> JoinAsync(string connectionString)
    {
        var gate = _gate ?? throw new InvalidOperationException("Group commit is for SQLite only.");
        Interlocked.Increment(ref _joining);
        await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        Interlocked.Decrement(ref _joining);
        try
        {
            if (_open is null)
            {
                if (_writer is null)
                {
                    _writer = await CommitGroup.OpenWriterAsync(connectionString).ConfigureAwait(false);
                    _statements = WriterStatements.Attach(_writer);
                }

                _open = CommitGroup.Begin(_writer);
            }

            return _open;
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>The member is done with the shared connection; with nobody else in line, it commits the group.</summary>
    internal async ValueTask LeaveAsync(CommitGroup group)
    {
        try
        {
            if (group.Doomed || group.Members >= _maxGroupSize || Volatile.Read(ref _joining) == 0
                || (_maxGroupAge is { } age && Stopwatch.GetElapsedTime(group.StartedAt) >= age))
            {
                await CloseGroupAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate!.Release();
        }
    }

    private async ValueTask CloseGroupAsync()
    {
        if (_open is not { } group)
        {
            return;
        }

        _open = null;
        if (await group.CompleteAsync().ConfigureAwait(false))
        {
            Interlocked.Increment(ref _groupsCommitted);
        }
        else if (_writer is not null)
        {
            // After a failure the connection may be in a state nobody should inherit: the next group opens a fresh one.
            _statements?.Dispose();
            _statements = null;
            await _writer.DisposeAsync().ConfigureAwait(false);
            _writer = null;
        }
    }

    public void Dispose()
    {
        _statements?.Dispose();
        _writer?.Dispose();
        _gate?.Dispose();
    }

    public readonly struct Releaser(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
