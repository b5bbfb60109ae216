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
        ProgramTerms.Validate(e, r.Name, r.UnitPriceYen, r.PointsPerUnit, r.TotalUnits, r.MaxUnitsPerResident, r.SalesFrom, r.SalesUntil, r.ExpiresOn,
            r.RedemptionFeeBasisPoints, r.MerchantTransferFeeBasisPoints, r.RefundWindowDays, r.RefundGraceDays);
    }
}

internal sealed class CreateProgramHandler(LedgerDbContext db, TimeProvider clock, ICurrentActor actor)
    : IRequestHandler<CreateProgramCommand, Result<ProgramCreated>>
{
    public async Task<Result<ProgramCreated>> Handle(CreateProgramCommand command, CancellationToken ct)
    {
        if (CityAdmin.Only(actor, "create a program") is { } refused)
        {
            return refused;
        }

        if (await db.Programs.AnyAsync(p => p.Code == command.Code, ct).ConfigureAwait(false))
        {
            return Error.Conflict($"A program with code '{command.Code}' already exists.");
        }

        var now = clock.GetUtcNow();
        var program = new VoucherProgram
        {
            Id = Guid.CreateVersion7(now),
            Code = command.Code,
            Name = command.Name,
            UnitPriceYen = command.UnitPriceYen,
            GeneralPointsPerUnit = command.PointsPerUnit.General,
            SmallBusinessPointsPerUnit = command.PointsPerUnit.SmallBusiness,
            TotalUnits = command.TotalUnits,
            MaxUnitsPerResident = command.MaxUnitsPerResident,
            SalesFrom = command.SalesFrom,
            SalesUntil = command.SalesUntil,
            ExpiresOn = command.ExpiresOn,
            RedemptionFeeBasisPoints = command.RedemptionFeeBasisPoints,
            AllowMerchantTransfers = command.AllowMerchantTransfers,
            MerchantTransferFeeBasisPoints = command.MerchantTransferFeeBasisPoints,
            RefundWindowDays = command.RefundWindowDays,
            RefundGraceDays = command.RefundGraceDays,
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
