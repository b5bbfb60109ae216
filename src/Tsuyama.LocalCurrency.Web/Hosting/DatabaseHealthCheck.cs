using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Web.Hosting;

internal sealed class DatabaseHealthCheck(LedgerDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The ledger database answers.")
            : HealthCheckResult.Unhealthy("The ledger database does not answer.");
}
