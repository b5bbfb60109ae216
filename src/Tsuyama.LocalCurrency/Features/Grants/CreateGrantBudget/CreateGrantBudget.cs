using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Grants.CreateGrantBudget;

/// <summary>
/// An Admin opens a named grant budget (e.g. 健康ポイント 2026). It gets its own grant program, so
/// its points are general points with the budget's own expiry, settled at the given fee like any
/// others; nothing of it is on sale.
/// </summary>
public sealed record CreateGrantBudgetCommand(string Code, string Name, long TotalPoints, DateOnly ExpiresOn, int RedemptionFeeBasisPoints)
    : ICommand<GrantBudgetView>;

public sealed record GrantBudgetView(Guid BudgetId, string Code, string Name, Guid ProgramId, long TotalPoints, long RemainingPoints, DateOnly ExpiresOn);

internal sealed class CreateGrantBudgetValidator(TimeProvider clock) : IValidator<CreateGrantBudgetCommand>
{
    public void Validate(CreateGrantBudgetCommand r, ValidationErrors e)
    {
        e.Require(!string.IsNullOrWhiteSpace(r.Code) && r.Code.Length <= 32 && r.Code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'),
            "code", "must be 1–32 letters, digits or '-'");
        e.NotBlank(r.Name, "name", 100);
        e.Positive(r.TotalPoints, "totalPoints", 10_000_000_000);
        e.Require(r.ExpiresOn >= JapanTime.Today(clock), "expiresOn", "is required (yyyy-MM-dd, JST) and must not be in the past");
        e.Require(BasisPoints.IsRate(r.RedemptionFeeBasisPoints), "redemptionFeeBasisPoints", "must be from 0 to 10000");
    }
}

internal sealed class CreateGrantBudgetHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<CreateGrantBudgetCommand, Result<GrantBudgetView>>
{
    public async Task<Result<GrantBudgetView>> Handle(CreateGrantBudgetCommand command, CancellationToken ct)
    {
        if (await db.Programs.AnyAsync(p => p.Code == command.Code, ct).ConfigureAwait(false))
        {
            return Error.Conflict($"A program or grant budget with code '{command.Code}' already exists.");
        }

        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        // Programs and budgets share the code space: a grant program is a program that sells nothing.
        var program = new VoucherProgram
        {
            Id = Guid.CreateVersion7(now),
            Code = command.Code,
            Name = command.Name,
            UnitPriceYen = 0,
            GeneralPointsPerUnit = 0,
            SmallBusinessPointsPerUnit = 0,
            TotalUnits = 0,
            MaxUnitsPerResident = 0,
            SalesFrom = today,
            SalesUntil = today,
            ExpiresOn = command.ExpiresOn,
            RedemptionFeeBasisPoints = command.RedemptionFeeBasisPoints,
            IssuerAccountId = Guid.CreateVersion7(now),
            RedeemedAccountId = Guid.CreateVersion7(now),
            ExpiredAccountId = Guid.CreateVersion7(now),
            CreatedAt = now.UtcDateTime,
        };
        var budget = new GrantBudget
        {
            Id = Guid.CreateVersion7(now),
            Code = command.Code,
            Name = command.Name,
            ProgramId = program.Id,
            TotalPoints = command.TotalPoints,
            RemainingPoints = command.TotalPoints,
            CreatedAt = now.UtcDateTime,
        };
        db.Programs.Add(program);
        db.Accounts.AddRange(
            new Account { Id = program.IssuerAccountId, Type = AccountType.Issuer, ProgramId = program.Id, CreatedAt = now.UtcDateTime },
            new Account { Id = program.RedeemedAccountId, Type = AccountType.Redeemed, ProgramId = program.Id, CreatedAt = now.UtcDateTime },
            new Account { Id = program.ExpiredAccountId, Type = AccountType.Expired, ProgramId = program.Id, CreatedAt = now.UtcDateTime });
        db.GrantBudgets.Add(budget);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new GrantBudgetView(budget.Id, budget.Code, budget.Name, program.Id, budget.TotalPoints, budget.RemainingPoints, program.ExpiresOn);
    }
}
