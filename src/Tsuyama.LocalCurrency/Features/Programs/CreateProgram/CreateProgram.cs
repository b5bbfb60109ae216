using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Programs.CreateProgram;

public sealed record PointsPerUnit(long General, long SmallBusiness);

public sealed record CreateProgramCommand(
    string Code,
    string Name,
    long UnitPriceYen,
    PointsPerUnit PointsPerUnit,
    int TotalUnits,
    int MaxUnitsPerResident,
    DateOnly SalesFrom,
    DateOnly SalesUntil,
    DateOnly ExpiresOn,
    int RedemptionFeeBasisPoints,
    bool AllowMerchantTransfers,
    int MerchantTransferFeeBasisPoints,
    int? RefundWindowDays = null,
    int RefundGraceDays = 0) : ICommand<ProgramCreated>;

public sealed record ProgramCreated(Guid ProgramId, string Code);

internal sealed class CreateProgramValidator : IValidator<CreateProgramCommand>
{
    public void Validate(CreateProgramCommand r, ValidationErrors e)
    {
        e.Require(!string.IsNullOrWhiteSpace(r.Code) && r.Code.Length <= 32 && r.Code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'),
            "code", "must be 1–32 letters, digits or '-'");
        e.NotBlank(r.Name, "name", 100);
        e.Positive(r.UnitPriceYen, "unitPriceYen", 1_000_000);
        if (r.PointsPerUnit is null)
        {
            e.Add("pointsPerUnit", "is required");
        }
        else
        {
            e.Require(r.PointsPerUnit.General >= 0 && r.PointsPerUnit.SmallBusiness >= 0, "pointsPerUnit", "must not be negative");
            e.Require(r.PointsPerUnit.General + r.PointsPerUnit.SmallBusiness is > 0 and <= 10_000_000, "pointsPerUnit", "must issue between 1 and 10,000,000 points per unit");
        }

        e.Positive(r.TotalUnits, "totalUnits", 100_000_000);
        e.Require(r.MaxUnitsPerResident > 0 && r.MaxUnitsPerResident <= r.TotalUnits, "maxUnitsPerResident", "must be from 1 to totalUnits");
        // A missing date binds as 0001-01-01; no program of this city predates the year 2000.
        e.Require(r.SalesFrom.Year >= 2000, "salesFrom", "is required (yyyy-MM-dd, JST)");
        e.Require(r.SalesUntil.Year >= 2000, "salesUntil", "is required (yyyy-MM-dd, JST)");
        e.Require(r.ExpiresOn.Year >= 2000, "expiresOn", "is required (yyyy-MM-dd, JST)");
        e.Require(r.SalesFrom <= r.SalesUntil, "salesUntil", "must not be before salesFrom");
        e.Require(r.SalesUntil <= r.ExpiresOn, "expiresOn", "must not be before salesUntil");
        e.Require(r.RedemptionFeeBasisPoints is >= 0 and <= 10_000, "redemptionFeeBasisPoints", "must be from 0 to 10000");
        e.Require(r.MerchantTransferFeeBasisPoints is >= 0 and <= 10_000, "merchantTransferFeeBasisPoints", "must be from 0 to 10000");
        e.Require(r.RefundWindowDays is null or (>= 0 and <= 366), "refundWindowDays", "must be from 0 (the payment day only) to 366, or absent for no limit");
        e.Require(r.RefundGraceDays is >= 0 and <= 366, "refundGraceDays", "must be from 0 (refuse refunds of expired points) to 366");
    }
}

internal sealed class CreateProgramHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<CreateProgramCommand, Result<ProgramCreated>>
{
    public async Task<Result<ProgramCreated>> Handle(CreateProgramCommand r, CancellationToken ct)
    {
        if (await db.Programs.AnyAsync(p => p.Code == r.Code, ct).ConfigureAwait(false))
        {
            return Error.Conflict($"A program with code '{r.Code}' already exists.");
        }

        var now = clock.GetUtcNow();
        var program = new VoucherProgram
        {
            Id = Guid.CreateVersion7(now),
            Code = r.Code,
            Name = r.Name,
            UnitPriceYen = r.UnitPriceYen,
            GeneralPointsPerUnit = r.PointsPerUnit.General,
            SmallBusinessPointsPerUnit = r.PointsPerUnit.SmallBusiness,
            TotalUnits = r.TotalUnits,
            MaxUnitsPerResident = r.MaxUnitsPerResident,
            SalesFrom = r.SalesFrom,
            SalesUntil = r.SalesUntil,
            ExpiresOn = r.ExpiresOn,
            RedemptionFeeBasisPoints = r.RedemptionFeeBasisPoints,
            AllowMerchantTransfers = r.AllowMerchantTransfers,
            MerchantTransferFeeBasisPoints = r.MerchantTransferFeeBasisPoints,
            RefundWindowDays = r.RefundWindowDays,
            RefundGraceDays = r.RefundGraceDays,
            IssuerAccountId = Guid.CreateVersion7(now),
            RedeemedAccountId = Guid.CreateVersion7(now),
            ExpiredAccountId = Guid.CreateVersion7(now),
            CreatedAt = now.UtcDateTime,
        };
        db.Programs.Add(program);
        db.Accounts.AddRange(
            new Account { Id = program.IssuerAccountId, Type = AccountType.Issuer, ProgramId = program.Id, CreatedAt = now.UtcDateTime },
            new Account { Id = program.RedeemedAccountId, Type = AccountType.Redeemed, ProgramId = program.Id, CreatedAt = now.UtcDateTime },
            new Account { Id = program.ExpiredAccountId, Type = AccountType.Expired, ProgramId = program.Id, CreatedAt = now.UtcDateTime });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new ProgramCreated(program.Id, program.Code);
    }
}
