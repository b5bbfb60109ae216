using Hangfire;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Expiry.ExpirePoints;
using Tsuyama.LocalCurrency.Features.Expiry.SendExpiryReminders;

namespace Tsuyama.LocalCurrency.Jobs;

/// <summary>
/// Daily, just after JST midnight: lots whose last valid day has passed move to `expired`, in
/// batches of one transaction each. Running it twice, or late, expires exactly the same lots.
/// </summary>
public sealed class ExpiryJob(IServiceScopeFactory scopes, IMediator mediator, TimeProvider clock)
{
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken ct)
    {
        var result = await ExpiryRunner.RunAsync(scopes, JapanTime.Today(clock), ct: ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Expiry failed: {result.Error.Detail}");
        }
    }

    /// <summary>Stores the 30- and 7-day reminders; a unique index makes a second run store nothing.</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task RemindAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new SendExpiryRemindersCommand(JapanTime.Today(clock)), ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Expiry reminders failed: {result.Error.Detail}");
        }
    }
}
