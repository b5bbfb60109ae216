using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Programs.CloseProgramSales;

/// <summary>
/// Ends a program's sales early: today (JST) becomes its last sales day, so nothing is sold from
/// tomorrow (walk-in sales, winners' payments and provider callbacks alike, as every purchase checks
/// the sales window). An application window that ran later ends today too. The points already
/// sold keep their validity. Only a program on sale before its last day can close.
/// </summary>
public sealed record CloseProgramSalesCommand(string Code) : ICommand<ProgramSalesClosed>;

public sealed record ProgramSalesClosed(Guid ProgramId, string Code, DateOnly SalesUntil);

internal sealed class CloseProgramSalesValidator : IValidator<CloseProgramSalesCommand>
{
    public void Validate(CloseProgramSalesCommand r, ValidationErrors e) => e.NotBlank(r.Code, "code", 32);
}

internal sealed class CloseProgramSalesHandler(LedgerDbContext db, TimeProvider clock, ICurrentActor actor)
    : IRequestHandler<CloseProgramSalesCommand, Result<ProgramSalesClosed>>
{
    public async Task<Result<ProgramSalesClosed>> Handle(CloseProgramSalesCommand command, CancellationToken ct)
    {
        if (CityAdmin.Only(actor, "close a program's sales") is { } refused)
        {
            return refused;
        }

        var p = await db.Programs.FirstOrDefaultAsync(x => x.Code == command.Code, ct).ConfigureAwait(false);
        if (p is null || await db.GrantBudgets.AnyAsync(g => g.ProgramId == p.Id, ct).ConfigureAwait(false))
        {
            return Error.NotFound("Program", command.Code);
        }

        var today = JapanTime.Today(clock);
        if (ProgramTerms.CloseRefusal(p, today) is { } notOnSale)
        {
            return notOnSale;
        }

        p.SalesUntil = today;
        var sales = await db.ProgramSales.FirstOrDefaultAsync(s => s.ProgramId == p.Id, ct).ConfigureAwait(false);
        if (sales is not null && sales.ApplicationUntil > today)
        {
            sales.ApplicationUntil = today;
            if (sales.ApplicationFrom > today)
            {
                sales.ApplicationFrom = today;
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new ProgramSalesClosed(p.Id, p.Code, today);
    }
}
