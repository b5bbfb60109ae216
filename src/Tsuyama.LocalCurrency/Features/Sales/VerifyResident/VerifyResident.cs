using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.VerifyResident;

/// <summary>
/// Counter staff record that a resident's identity and residence were checked: how, on which day
/// and by whom. No document number is taken. Recording again replaces the earlier check.
/// </summary>
public sealed record VerifyResidentCommand(Guid ResidentId, string Method, DateOnly CheckedOn, Guid StaffUserId) : ICommand<ResidentVerified>;

public sealed record ResidentVerified(Guid ResidentId, string Method, DateOnly CheckedOn, Guid CheckedBy);

/// <summary>Documents that show both identity and an address in the city, in the order the counter's form lists them.</summary>
public static class VerificationMethods
{
    public static readonly IReadOnlyList<string> All = ["my-number-card", "driving-licence", "residence-card", "resident-record", "other"];
}

internal sealed class VerifyResidentValidator(TimeProvider clock) : IValidator<VerifyResidentCommand>
{
    public static readonly IReadOnlySet<string> Methods = new HashSet<string>(VerificationMethods.All, StringComparer.Ordinal);

    public void Validate(VerifyResidentCommand r, ValidationErrors e)
    {
        e.Require(r.Method is not null && Methods.Contains(r.Method), "method", $"must be one of {string.Join(", ", Methods)}");
        e.LedgerDay(r.CheckedOn, "checkedOn");
        e.Require(r.CheckedOn <= JapanTime.Today(clock), "checkedOn", "must not be in the future");
    }
}

internal sealed class VerifyResidentHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<VerifyResidentCommand, Result<ResidentVerified>>
{
    public async Task<Result<ResidentVerified>> Handle(VerifyResidentCommand command, CancellationToken ct)
    {
        if (!await db.Residents.AnyAsync(x => x.Id == command.ResidentId, ct).ConfigureAwait(false))
        {
            return Error.NotFound("Resident", command.ResidentId);
        }

        var record = await db.ResidentVerifications.FirstOrDefaultAsync(v => v.ResidentId == command.ResidentId, ct).ConfigureAwait(false);
        if (record is null)
        {
            record = new ResidentVerification { ResidentId = command.ResidentId, Method = command.Method };
            db.ResidentVerifications.Add(record);
        }

        record.Method = command.Method;
        record.CheckedOn = command.CheckedOn;
        record.CheckedBy = command.StaffUserId;
        record.RecordedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new ResidentVerified(command.ResidentId, command.Method, command.CheckedOn, command.StaffUserId);
    }
}
