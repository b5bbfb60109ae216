using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.WithdrawApplication;

/// <summary>
/// A resident withdraws an application: while the window is open, or later to decline units won
/// (or a place on the waiting list). Units it held go to the waiting list.
/// </summary>
public sealed record WithdrawApplicationCommand(Guid ResidentId, Guid ApplicationId) : ICommand<ApplicationView>;

internal sealed class WithdrawApplicationHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<WithdrawApplicationCommand, Result<ApplicationView>>
{
    public async Task<Result<ApplicationView>> Handle(WithdrawApplicationCommand command, CancellationToken ct)
    {
        var application = await db.SalesApplications.FirstOrDefaultAsync(a => a.Id == command.ApplicationId && a.ResidentId == command.ResidentId,
            ct).ConfigureAwait(false);
        if (application is null)
        {
            return Error.NotFound("Application", command.ApplicationId);
        }

        var now = clock.GetUtcNow();
        var program = await db.Programs.AsNoTracking().FirstAsync(p => p.Id == application.ProgramId, ct).ConfigureAwait(false);
        if (application.Status == ApplicationStatus.Pending)
        {
            var open = await ApplicationWindow.OpenAsync(db, application.ProgramId, JapanTime.DateOf(now), ct).ConfigureAwait(false);
            if (!open.IsSuccess)
            {
                return open.Error;
            }
        }
        else if (application.Status is not (ApplicationStatus.Won or ApplicationStatus.Waiting))
        {
            return Error.Conflict($"Application '{application.Id}' is {application.Status.ToString().ToLowerInvariant()} and cannot be withdrawn.");
        }

        var held = application.Status == ApplicationStatus.Won;
        application.Status = ApplicationStatus.Withdrawn;
        application.PayBy = null;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        if (held)
        {
            var sales = await db.ProgramSales.AsNoTracking().FirstAsync(s => s.ProgramId == program.Id, ct).ConfigureAwait(false);
            await Allocation.ReleaseAsync(db, program.Id, application.Units, ct).ConfigureAwait(false);
            await Allocation.FillWaitingListAsync(db, sales, now, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        return ApplicationView.Of(application, program);
    }
}
