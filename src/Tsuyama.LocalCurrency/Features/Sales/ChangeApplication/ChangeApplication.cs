using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.ChangeApplication;

/// <summary>
/// A resident changes the units of their application while the window is open. An allocated
/// first-come application may shrink (the freed units go to the waiting list) or grow if the extra
/// units are free; otherwise it keeps what it had.
/// </summary>
public sealed record ChangeApplicationCommand(Guid ResidentId, Guid ApplicationId, int Units) : ICommand<ApplicationView>;

internal sealed class ChangeApplicationValidator : IValidator<ChangeApplicationCommand>
{
    public void Validate(ChangeApplicationCommand r, ValidationErrors e) => e.Positive(r.Units, "units", 10_000);
}

internal sealed class ChangeApplicationHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<ChangeApplicationCommand, Result<ApplicationView>>
{
    public async Task<Result<ApplicationView>> Handle(ChangeApplicationCommand command, CancellationToken ct)
    {
        var application = await db.SalesApplications.FirstOrDefaultAsync(a => a.Id == command.ApplicationId && a.ResidentId == command.ResidentId,
            ct).ConfigureAwait(false);
        if (application is null)
        {
            return Error.NotFound("Application", command.ApplicationId);
        }

        var now = clock.GetUtcNow();
        var open = await ApplicationWindow.OpenAsync(db, application.ProgramId, JapanTime.DateOf(now), ct).ConfigureAwait(false);
        if (!open.IsSuccess)
        {
            return open.Error;
        }

        var (program, sales) = open.Value;
        if (command.Units > program.MaxUnitsPerResident)
        {
            return Error.LimitExceeded($"Each resident may apply for at most {program.MaxUnitsPerResident} units of '{program.Code}'.");
        }

        switch (application.Status)
        {
            case ApplicationStatus.Pending or ApplicationStatus.Waiting:
                application.Units = command.Units;
                break;
            case ApplicationStatus.Won when command.Units <= application.Units:
                await Allocation.ReleaseAsync(db, program.Id, application.Units - command.Units, ct).ConfigureAwait(false);
                application.Units = command.Units;
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await Allocation.FillWaitingListAsync(db, sales, now, ct).ConfigureAwait(false);
                break;
            case ApplicationStatus.Won:
                if (!await Allocation.TryReserveAsync(db, program.Id, command.Units - application.Units, ct).ConfigureAwait(false))
                {
                    return Error.LimitExceeded($"Not enough units of '{program.Code}' are free to raise the application to {command.Units}.");
                }

                application.Units = command.Units;
                break;
            default:
                return Error.Conflict($"Application '{application.Id}' is {application.Status.ToString().ToLowerInvariant()} and can no longer change.");
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return ApplicationView.Of(application, program);
    }
}
