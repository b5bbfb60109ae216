using Hangfire;
using MediatR;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Sales.ExpireUnpaidWinners;

namespace Tsuyama.LocalCurrency.Jobs;

/// <summary>
/// Daily after JST midnight: winners who did not pay by yesterday lapse and the waiting list moves
/// up. The day is fixed when enqueued; running it twice for a day changes nothing the second time.
/// </summary>
public sealed class SalesDeadlineJob(IMediator mediator, IBackgroundJobClient jobs, TimeProvider clock)
{
    public void EnqueueForToday()
    {
        var asOf = JapanTime.Today(clock);
        jobs.Enqueue<SalesDeadlineJob>(j => j.RunAsync(asOf, CancellationToken.None));
    }

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(DateOnly asOf, CancellationToken ct)
    {
        var result = await mediator.Send(new ExpireUnpaidWinnersCommand(asOf), ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Unpaid winners as of {asOf:yyyy-MM-dd} could not be lapsed: {result.Error.Detail}");
        }
    }
}
