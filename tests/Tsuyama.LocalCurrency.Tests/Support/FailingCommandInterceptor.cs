using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tsuyama.LocalCurrency.Tests.Support;

/// <summary>
/// Simulates a crash mid-transaction: once armed, the Nth writing command (UPDATE/INSERT/DELETE)
/// that matches throws instead of running.
/// </summary>
public sealed class FailingCommandInterceptor : DbCommandInterceptor
{
    private int _remaining;
    private Func<string, bool> _matches = _ => false;

    public int Writes { get; private set; }

    public void FailOnWrite(int n, Func<string, bool>? matches = null)
    {
        _remaining = n;
        _matches = matches ?? (_ => true);
    }

    public void Disarm() => _remaining = 0;

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command)
    {
        var text = command.CommandText.TrimStart();
        var writes = text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
        if (!writes)
        {
            return;
        }

        Writes++;
        if (_remaining > 0 && _matches(text) && --_remaining == 0)
        {
            throw new InvalidOperationException($"Injected failure before: {text[..Math.Min(60, text.Length)]}");
        }
    }
}
