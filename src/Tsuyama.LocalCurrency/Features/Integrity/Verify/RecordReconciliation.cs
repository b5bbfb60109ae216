using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Integrity.Verify;

/// <summary>
/// Reconciles every business record with the journal, so an edited payment, refund, merchant
/// transfer, purchase or settlement is caught even when no balance moved: each record's amounts
/// must equal the transfers of its operation between the parties it names, and every transfer of a
/// kind that belongs to a record must have one. Payments, a million or more, are met with their transfers in one
/// ordered stream (<see cref="PaymentReconciliation"/>); the journal side of settlement lines and of the orphan
/// checks comes from verify's one pass over the transfers (<see cref="OperationFlows"/>), because a correlated sum
/// per line probed every redemption of its run (quadratic in the merchants) and each orphan check scanned every
/// transfer again. The smaller records keep their sums correlated straight against the (OperationId) index:
/// summing grouped sub-queries instead made SQLite regroup every transfer for every record (45 s for 5,800
/// payments). At most <see cref="Listed"/> offenders per check are named; an orphan operation is named by its
/// first transfer.
/// </summary>
internal static class RecordReconciliation
{
    private const int Listed = 20;

    public static async Task RunAsync(LedgerDbContext db, OperationFlows flows, Action<string> problem, CancellationToken ct)
    {
        var t = db.Transfers.AsNoTracking();

        await PaymentReconciliation.RunAsync(db, problem, ct).ConfigureAwait(false);

        // Refunds: amount = transfers merchant → resident of the refunded payment.
        var back = t.Where(x => x.Type == TransferType.Refund);
        Report(problem, "Refund", "does not match its transfers", await (
            from r in db.Refunds
            join p in db.Payments on r.PaymentId equals p.Id
            let moved = back
                .Where(x => x.OperationId == r.Id && x.FromAccountId == p.MerchantId && x.ToAccountId == p.ResidentId)
                .Sum(x => (long?)x.Amount) ?? 0
            let movedAny = back.Where(x => x.OperationId == r.Id).Sum(x => (long?)x.Amount) ?? 0
            where moved != r.Amount || movedAny != r.Amount
            orderby r.Id
            select r.Id).Take(Listed).ToListAsync(ct).ConfigureAwait(false));

        // Merchant transfers: amount = received + fee, fee = fee transfers, all from the paying merchant.
        var shopToShop = t.Where(x => x.Type == TransferType.MerchantTransfer || x.Type == TransferType.MerchantTransferFee);
        Report(problem, "Merchant transfer", "does not match its transfers (amount = received + fee)", await (
            from m in db.MerchantTransfers
            let received = shopToShop.Where(x => x.OperationId == m.Id && x.Type == TransferType.MerchantTransfer
                && x.FromAccountId == m.FromMerchantId && x.ToAccountId == m.ToMerchantId).Sum(x => (long?)x.Amount) ?? 0
            let fee = shopToShop.Where(x => x.OperationId == m.Id && x.Type == TransferType.MerchantTransferFee && x.FromAccountId == m.FromMerchantId)
                .Sum(x => (long?)x.Amount) ?? 0
            let all = shopToShop.Where(x => x.OperationId == m.Id).Sum(x => (long?)x.Amount) ?? 0
            where fee != m.Fee || received + fee != m.Amount || all != m.Amount
            orderby m.Id
            select m.Id).Take(Listed).ToListAsync(ct).ConfigureAwait(false));

        // Purchases: points issued = the issue transfers to the buyer, per kind. (Grants issue points too; they reconcile with their own records.)
        var issued = t.Where(x => x.Type == TransferType.Issue);
        Report(problem, "Purchase", "does not match the points issued for it", await (
            from p in db.Purchases
            let general = issued
                .Where(x => x.OperationId == p.Id && x.ToAccountId == p.ResidentId && x.Kind == PointKind.General)
                .Sum(x => (long?)x.Amount) ?? 0
            let small = issued
                .Where(x => x.OperationId == p.Id && x.ToAccountId == p.ResidentId && x.Kind == PointKind.SmallBusiness)
                .Sum(x => (long?)x.Amount) ?? 0
            let all = issued.Where(x => x.OperationId == p.Id).Sum(x => (long?)x.Amount) ?? 0
            where general != p.GeneralPoints || small != p.SmallBusinessPoints || all != p.GeneralPoints + p.SmallBusinessPoints
            orderby p.Id
            select p.Id).Take(Listed).ToListAsync(ct).ConfigureAwait(false));

        // Settlement lines: points = the redemption transfers from that merchant in that program (summed in the pass).
        var lines = new List<string>();
        await foreach (var l in db.SettlementLines.AsNoTracking().OrderBy(l => l.SettlementId).ThenBy(l => l.MerchantId)
            .Select(l => new { l.SettlementId, l.MerchantId, l.ProgramId, l.Points }).AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
        {
            if (lines.Count < Listed && flows.Redeemed(l.SettlementId, l.MerchantId, l.ProgramId) != l.Points)
            {
                lines.Add($"{l.SettlementId}/{l.MerchantId}");
            }
        }

        Report(problem, "Settlement line", "does not match its redemption transfers", lines);

        // Settlements: totals = their lines = every redemption transfer of the run (one index probe per run).
        var redeemed = t.Where(x => x.Type == TransferType.Redemption);
        Report(problem, "Settlement", "does not match its lines or redemption transfers", await (
            from s in db.Settlements
            let points = db.SettlementLines.Where(l => l.SettlementId == s.Id).Sum(l => (long?)l.Points) ?? 0
            let fee = db.SettlementLines.Where(l => l.SettlementId == s.Id).Sum(l => (long?)l.FeeYen) ?? 0
            let tax = db.SettlementLines.Where(l => l.SettlementId == s.Id).Sum(l => (long?)l.TaxInFeeYen) ?? 0
            let payout = db.SettlementLines.Where(l => l.SettlementId == s.Id).Sum(l => (long?)l.PayoutYen) ?? 0
            let moved = redeemed.Where(x => x.OperationId == s.Id).Sum(x => (long?)x.Amount) ?? 0
            where points != s.Points || fee != s.FeeYen || tax != s.TaxInFeeYen || payout != s.PayoutYen
                || moved != s.Points || s.Points - s.FeeYen != s.PayoutYen
            orderby s.Id
            select s.Id).Take(Listed).ToListAsync(ct).ConfigureAwait(false));

        // Transfers that claim a record which does not exist (payment transfers: in the payment stream above).
        var refunds = await db.Refunds.Select(r => r.Id).ToHashSetAsync(ct).ConfigureAwait(false);
        Report(problem, "Refund transfer", "names no refund (operation id)",
            flows.WithoutRecord(refunds.Contains, TransferType.Refund).Take(Listed).ToList());
        var merchantTransfers = await db.MerchantTransfers.Select(m => m.Id).ToHashSetAsync(ct).ConfigureAwait(false);
        Report(problem, "Merchant transfer transfer", "names no merchant transfer (operation id)",
            flows.WithoutRecord(merchantTransfers.Contains, TransferType.MerchantTransfer, TransferType.MerchantTransferFee).Take(Listed).ToList());
        var settlements = await db.Settlements.Select(x => x.Id).ToHashSetAsync(ct).ConfigureAwait(false);
        Report(problem, "Redemption transfer", "names no settlement (operation id)",
            flows.WithoutRecord(settlements.Contains, TransferType.Redemption).Take(Listed).ToList());
    }

    private static void Report<T>(Action<string> problem, string what, string how, List<T> offenders)
    {
        foreach (var id in offenders)
        {
            problem($"{what} {id} {how}.");
        }
    }
}
