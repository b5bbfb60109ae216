using Hangfire;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;
using Tsuyama.LocalCurrency.Payouts;

namespace Tsuyama.LocalCurrency.Jobs;

/// <summary>
/// The recurring trigger runs the day after a cutoff and enqueues a job for that explicit date, so
/// a retry on a later day still settles the same cutoff. The idempotency key per cutoff makes a
/// second run replay the first; a cutoff an operator already settled by hand is left alone.
/// </summary>
public sealed class SettlementJob(IMediator mediator, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string Caller = "job:settlement";

    public void EnqueueForYesterday()
    {
        var cutoff = SettlementCalendar.CutoffOfRunOn(JapanTime.Today(clock));
        jobs.Enqueue<SettlementJob>(j => j.RunAsync(cutoff, CancellationToken.None));
    }

    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(DateOnly cutoff, CancellationToken ct)
    {
        var result = await mediator.Send(new RunSettlementCommand(cutoff, Caller, $"settlement-{cutoff:yyyy-MM-dd}"), ct).ConfigureAwait(false);
        if (!result.IsSuccess && result.Error.Type != ProblemTypes.Conflict)
        {
            throw new InvalidOperationException($"Settlement for {cutoff:yyyy-MM-dd} failed: {result.Error.Detail}");
        }
    }
}
