using Hangfire;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Expiry.ExpirePoints;
using Tsuyama.LocalCurrency.Features.Expiry.SendExpiryReminders;

namespace Tsuyama.LocalCurrency.Jobs;

/// <summary>
/// Daily, just after JST midnight, the recurring trigger enqueues the day's work with its date, so
/// a retry later still works on the same day. Expiring or reminding for a date twice changes
/// nothing the second time.
/// </summary>
public sealed class ExpiryJob(IServiceScopeFactory scopes, IMediator mediator, IBackgroundJobClient jobs, TimeProvider clock)
{
    public void EnqueueExpiryForToday()
    {
        var asOf = JapanTime.Today(clock);
        jobs.Enqueue<ExpiryJob>(j => j.ExpireAsync(asOf, CancellationToken.None));
    }

    public void EnqueueRemindersForToday()
    {
        var asOf = JapanTime.Today(clock);
        jobs.Enqueue<ExpiryJob>(j => j.RemindAsync(asOf, CancellationToken.None));
    }

    /// <summary>Lots whose last valid day is before <paramref name="asOf"/> move to `expired`, one transaction per batch.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task ExpireAsync(DateOnly asOf, CancellationToken ct)
    {
        var result = await ExpiryRunner.RunAsync(scopes, asOf, ct: ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Expiry as of {asOf:yyyy-MM-dd} failed: {result.Error.Detail}");
        }
    }

    /// <summary>Stores the 30- and 7-day reminders; a unique index makes a second run store nothing.</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task RemindAsync(DateOnly asOf, CancellationToken ct)
    {
        var result = await mediator.Send(new SendExpiryRemindersCommand(asOf), ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Expiry reminders for {asOf:yyyy-MM-dd} failed: {result.Error.Detail}");
        }
    }
}
