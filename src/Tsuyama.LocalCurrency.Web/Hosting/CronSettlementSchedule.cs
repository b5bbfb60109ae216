using Cronos;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Jobs;
using Tsuyama.LocalCurrency.Payouts;

namespace Tsuyama.LocalCurrency.Web.Hosting;

/// <summary>
/// The next settlement run from the same JST cron expressions the recurring jobs are registered with
/// (<see cref="JobOptions.SettlementCrons"/>), read from the host's clock so tests can move it.
/// </summary>
internal sealed class CronSettlementSchedule(IOptions<JobOptions> options) : ISettlementSchedule
{
    private readonly CronExpression[] _crons = options.Value.SettlementCrons.Select(c => CronExpression.Parse(c)).ToArray();

    public DateTimeOffset? NextRunAfter(DateTimeOffset now) =>
        _crons.Select(c => c.GetNextOccurrence(now, JapanTime.Zone)).Where(t => t is not null).Min();
}
