using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.Apply;

/// <summary>
/// A resident applies for units of a program, once per program, while its application window is
/// open. First come: allocated at once if the units are free (to be paid by the deadline), else
/// waiting. Lottery: pending until the draw. Never touches the ledger.
/// </summary>
public sealed record ApplyCommand(Guid ResidentId, string ProgramCode, int Units) : ICommand<ApplicationView>;

internal sealed class ApplyValidator : IValidator<ApplyCommand>
{
    public void Validate(ApplyCommand r, ValidationErrors e)
    {
        e.NotBlank(r.ProgramCode, "programCode", 32);
        e.Positive(r.Units, "units", 10_000);
    }
}

internal sealed class ApplyHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<ApplyCommand, Result<ApplicationView>>
{
    public async Task<Result<ApplicationView>> Handle(ApplyCommand command, CancellationToken ct)
    {
        var programId = await db.Programs.Where(p => p.Code == command.ProgramCode).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (programId is null)
        {
            return Error.NotFound("Program", command.ProgramCode);
        }

        var now = clock.GetUtcNow();
        var open = await ApplicationWindow.OpenAsync(db, programId.Value, JapanTime.DateOf(now), ct).ConfigureAwait(false);
        if (!open.IsSuccess)
        {
            return open.Error;
        }

        var (program, sales) = open.Value;
        if (command.Units > program.MaxUnitsPerResident)
        {
            return Error.LimitExceeded($"Each resident may apply for at most {program.MaxUnitsPerResident} units of '{program.Code}'.");
        }

        var application = await db.SalesApplications.FirstOrDefaultAsync(a => a.ProgramId == program.Id && a.ResidentId == command.ResidentId,
            ct).ConfigureAwait(false);
        if (application is { Status: not ApplicationStatus.Withdrawn })
        {
            return Error.Conflict($"You have already applied to '{program.Code}' (application {application.Id}); change or withdraw it instead.");
        }

        if (application is null)
        {
            application = new SalesApplication { Id = Guid.CreateVersion7(now), ProgramId = program.Id, ResidentId = command.ResidentId };
            db.SalesApplications.Add(application);
        }

        // Applying again after withdrawing goes to the back of the queue.
        application.Units = command.Units;
        application.AppliedAt = now.UtcDateTime;
        application.Status = ApplicationStatus.Pending;
        if (sales.Rule == AllocationRule.FirstCome)
        {
            if (await Allocation.TryReserveAsync(db, program.Id, command.Units, ct).ConfigureAwait(false))
            {
                Allocation.MarkWon(application, sales, now);
            }
            else
            {
                application.Status = ApplicationStatus.Waiting;
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return ApplicationView.Of(application, program);
    }
}
