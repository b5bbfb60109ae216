using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Common.Behaviours;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales;

/// <summary>
/// Confirms the payment of an allocated application, whoever saw the yen (counter or provider):
/// the application moves Won → Paid by a conditional update, so it is paid and issued once however
/// many confirmations race; the losers see it paid and are refused.
/// </summary>
internal static class ApplicationPayment
{
    public static async Task<Result<PointsPurchased>> ConfirmAsync(LedgerDbContext db, TimeProvider clock, Guid applicationId, PaymentReceipt receipt,
        CancellationToken ct)
    {
        var application = await db.SalesApplications.FirstOrDefaultAsync(a => a.Id == applicationId, ct).ConfigureAwait(false);
        if (application is null)
        {
            return Error.NotFound("Application", applicationId);
        }

        if (application.Status == ApplicationStatus.Paid)
        {
            return new Error(ProblemTypes.AlreadyPaid, "支払済みです / Already paid",
                $"Application '{applicationId}' is already paid (purchase {application.PurchaseId}).", 409);
        }

        if (application.Status != ApplicationStatus.Won)
        {
            return Error.Rule(ProblemTypes.NotAWinner, "当選していません / Not allocated",
                $"Application '{applicationId}' is {application.Status.ToString().ToLowerInvariant()}; only allocated applications can be paid.");
        }

        var today = JapanTime.Today(clock);
        if (application.PayBy is { } payBy && today > payBy)
        {
            return Error.Rule(ProblemTypes.PaymentDeadlinePassed, "支払期限を過ぎています / Payment deadline passed",
                $"Application '{applicationId}' had to be paid by {payBy:yyyy-MM-dd} (JST).");
        }

        var moved = await db.SalesApplications.Where(a => a.Id == applicationId && a.Status == ApplicationStatus.Won)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Paid), ct).ConfigureAwait(false);
        if (moved == 0)
        {
            throw new ConcurrencyConflictException($"Application {applicationId} changed while its payment was confirmed.");
        }

        application.Status = ApplicationStatus.Paid;
        var program = await db.Programs.AsNoTracking().FirstAsync(p => p.Id == application.ProgramId, ct).ConfigureAwait(false);
        return await PurchaseIssuer.IssueAsync(db, clock, program, application.ResidentId, application.Units, receipt, application, ct).ConfigureAwait(false);
    }
}
