namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>
/// SQLite has one writer at a time. Left to SQLite, queued writers sleep in its busy handler with
/// growing back-off (up to 100 ms) and wake late; an async gate in the process hands the write lock
/// to the next command as soon as it is free. Other processes on the same file (the CLI) are still
/// covered by the busy timeout. SQL Server locks rows, so there the gate does nothing.
/// </summary>
public sealed class WriteGate(DatabaseOptions database) : IDisposable
{
    private readonly SemaphoreSlim? _gate = database.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public async ValueTask<Releaser> EnterAsync(CancellationToken ct)
    {
        if (_gate is not null)
        {
            await _gate.WaitAsync(ct).ConfigureAwait(false);
        }

        return new Releaser(_gate);
    }

    public void Dispose() => _gate?.Dispose();

    public readonly struct Releaser(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
