using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Features.Expiry.ExpirePoints;

public sealed record ExpiryTotals(int Batches, long Lots, long Points);

/// <summary>
/// Runs <see cref="ExpirePointsCommand"/> batch after batch until nothing is left, each in a fresh
/// scope so the change tracker does not grow with the run. Used by the CLI and the daily job.
/// </summary>
public static class ExpiryRunner
{
    public static async Task<Result<ExpiryTotals>> RunAsync(IServiceScopeFactory scopes, DateOnly asOf, int batchSize = 1000,
        IProgress<ExpiryTotals>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var totals = new ExpiryTotals(0, 0, 0);
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new ExpirePointsCommand(asOf, batchSize), ct).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return result.Error;
            }

            if (result.Value.Lots > 0)
            {
                totals = new ExpiryTotals(totals.Batches + 1, totals.Lots + result.Value.Lots, totals.Points + result.Value.Points);
                progress?.Report(totals);
            }

            if (!result.Value.MoreRemaining)
            {
                return totals;
            }
        }
    }
}
