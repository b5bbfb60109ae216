using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Integrity.Verify;

/// <summary>
/// Issued points = confirmed purchases + grants: every issue transfer belongs to a purchase or a
/// grant and issues exactly its points; every reversal belongs to a cancelled purchase and takes
/// all of them back; and the totals agree. Kept in its own check so other reconciliations merge
/// beside it.
/// </summary>
internal static class IssuanceReconciliation
{
    private const int MaxListed = 20;

    /// <param name="flows">The issue and reversal transfers per operation, summed in verify's pass (two grouped scans of
    /// every transfer before).</param>
    public static async Task CheckAsync(LedgerDbContext db, OperationFlows flows, Action<string> problem, CancellationToken ct)
    {
        var issued = flows.Totals(TransferType.Issue);
        var reversed = flows.Totals(TransferType.IssueReversal);
        var purchases = await db.Purchases.AsNoTracking()
            .Select(p => new { p.Id, Points = p.GeneralPoints + p.SmallBusinessPoints, Cancelled = p.CancelledAt != null })
            .ToDictionaryAsync(p => p.Id, ct).ConfigureAwait(false);
        var grants = await db.Grants.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Points, ct).ConfigureAwait(false);

        var listed = 0;
        void Report(string message)
        {
            if (listed++ < MaxListed)
            {
                problem(message);
            }
        }

        foreach (var (operation, amount) in issued)
        {
            var expected = purchases.TryGetValue(operation, out var p) ? p.Points : grants.TryGetValue(operation, out var g) ? g : (long?)null;
            if (expected is null)
            {
                Report($"Issuance: {amount} points were issued by operation {operation}, which is neither a confirmed purchase nor a grant.");
            }
            else if (expected != amount)
            {
                Report($"Issuance: operation {operation} issued {amount} points but its purchase or grant is for {expected}.");
            }
        }

        foreach (var (id, p) in purchases)
        {
            var expectedBack = p.Cancelled ? p.Points : 0;
            if (p.Points > 0 && !issued.ContainsKey(id))
            {
                Report($"Issuance: purchase {id} of {p.Points} points has no issue transfers.");
            }

            if (reversed.GetValueOrDefault(id) != expectedBack)
            {
                var state = p.Cancelled ? "cancelled" : "not cancelled";
                Report($"Issuance: purchase {id} ({state}) has {reversed.GetValueOrDefault(id)} points reversed, expected {expectedBack}.");
            }
        }

        foreach (var (id, points) in grants.Where(g => !issued.ContainsKey(g.Key)))
        {
            Report($"Issuance: grant {id} of {points} points has no issue transfer.");
        }

        foreach (var operation in reversed.Keys.Where(k => !purchases.ContainsKey(k)))
        {
            Report($"Issuance: a reversal names operation {operation}, which is not a purchase.");
        }

        var net = issued.Values.Sum() - reversed.Values.Sum();
        var confirmed = purchases.Values.Where(p => !p.Cancelled).Sum(p => p.Points) + grants.Values.Sum();
        if (net != confirmed)
        {
            problem($"Issuance: {net} points issued net of reversals, but confirmed purchases and grants come to {confirmed}.");
        }
    }
}
