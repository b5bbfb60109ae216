using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.SetSalesRules;

/// <summary>
/// An Admin sets how a program is sold: application window (it must end by the last sales day),
/// first come or lottery, days a winner has to pay, and the premium budget (null: no cap). Rule and
/// window are fixed once anyone has applied; the budget can change but not below what is committed.
/// </summary>
public sealed record SetSalesRulesCommand(string ProgramCode, AllocationRule Rule, DateOnly ApplicationFrom, DateOnly ApplicationUntil, int PaymentDays,
    long? PremiumBudget) : ICommand<SalesRules>;

public sealed record SalesRules(string ProgramCode, AllocationRule Rule, DateOnly ApplicationFrom, DateOnly ApplicationUntil, int PaymentDays,
    long? PremiumBudget, long PremiumCommitted, int UnitsReserved, bool LotteryDrawn);

internal sealed class SetSalesRulesValidator : IValidator<SetSalesRulesCommand>
{
    public void Validate(SetSalesRulesCommand r, ValidationErrors e)
    {
        e.NotBlank(r.ProgramCode, "programCode", 32);
        e.Require(Enum.IsDefined(r.Rule), "rule", "must be firstCome or lottery");
        e.LedgerDay(r.ApplicationFrom, "applicationFrom").LedgerDay(r.ApplicationUntil, "applicationUntil");
        e.Require(r.ApplicationFrom <= r.ApplicationUntil, "applicationUntil", "must not be before applicationFrom");
        e.Require(r.PaymentDays is >= 1 and <= 90, "paymentDays", "must be from 1 to 90");
        e.Require(r.PremiumBudget is null or >= 0, "premiumBudget", "must not be negative");
    }
}

internal sealed class SetSalesRulesHandler(LedgerDbContext db) : IRequestHandler<SetSalesRulesCommand, Result<SalesRules>>
{
    public async Task<Result<SalesRules>> Handle(SetSalesRulesCommand command, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Code == command.ProgramCode, ct).ConfigureAwait(false);
        if (program is null || await db.GrantBudgets.AnyAsync(g => g.ProgramId == program.Id, ct).ConfigureAwait(false))
        {
            return Error.NotFound("Program", command.ProgramCode);
        }

        if (command.ApplicationUntil > program.SalesUntil)
        {
            return Error.Validation("applicationUntil", $"must be on or before the last sales day {program.SalesUntil:yyyy-MM-dd}");
        }

        var sales = await db.ProgramSales.FirstOrDefaultAsync(s => s.ProgramId == program.Id, ct).ConfigureAwait(false);
        if (sales is null)
        {
            sales = new ProgramSales { ProgramId = program.Id };
            db.ProgramSales.Add(sales);
        }
        else if ((sales.Rule != command.Rule || sales.ApplicationFrom != command.ApplicationFrom || sales.ApplicationUntil != command.ApplicationUntil)
                 && await db.SalesApplications.AnyAsync(a => a.ProgramId == program.Id, ct).ConfigureAwait(false))
        {
            return Error.Conflict($"Residents have applied to '{program.Code}': its rule and application window can no longer change.");
        }

        if (command.PremiumBudget < sales.PremiumCommitted)
        {
            return Error.Validation("premiumBudget", $"must be at least the {sales.PremiumCommitted} points of premium already committed");
        }

        sales.Rule = command.Rule;
        sales.ApplicationFrom = command.ApplicationFrom;
        sales.ApplicationUntil = command.ApplicationUntil;
        sales.PaymentDays = command.PaymentDays;
        sales.PremiumBudget = command.PremiumBudget;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return SalesRulesView.Of(program.Code, sales);
    }
}

internal static class SalesRulesView
{
    public static SalesRules Of(string code, ProgramSales s) =>
        new(code, s.Rule, s.ApplicationFrom, s.ApplicationUntil, s.PaymentDays, s.PremiumBudget, s.PremiumCommitted, s.UnitsReserved,
            s.LotteryDrawnAt is not null);
}
