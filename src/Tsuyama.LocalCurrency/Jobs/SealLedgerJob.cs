using Hangfire;
using MediatR;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Features.Integrity.Seal;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Jobs;

/// <summary>
/// Chains new transfers into the seal every minute. Safe to run twice or concurrently: a second
/// run finds nothing new, and only one runs at a time.
/// </summary>
public sealed class SealLedgerJob(IMediator mediator, DatabaseOptions database, IOptions<SealOptions> seal)
{
    /// <summary>
    /// On SQL Server identity values can commit out of order. Sealing stops before the first insert still in flight; the
    /// lag also leaves the newest seconds for the next run, in case an allocated identity is not yet visible to that check.
    /// </summary>
    private static readonly TimeSpan SqlServerLag = TimeSpan.FromSeconds(30);

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0, LogEvents = true)]
    public async Task RunAsync(CancellationToken ct)
    {
        var lag = database.Provider == DatabaseProvider.SqlServer ? SqlServerLag : TimeSpan.Zero;
        var result = await mediator.Send(new SealLedgerCommand(lag), ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Sealing failed: {result.Error.Detail}");
        }

        if (seal.Value.HeadFile is { Length: > 0 } path && result.Value.Head is { } head)
        {
            // Written whole then moved into place, so a reader (an archiver, a monitor) never sees half a hash.
            var temporary = path + ".tmp";
            await File.WriteAllTextAsync(temporary, head + "\n", ct).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
    }
}
