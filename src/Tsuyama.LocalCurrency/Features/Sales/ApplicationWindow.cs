using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales;

internal sealed record OpenProgram(VoucherProgram Program, ProgramSales Sales);

internal static class ApplicationWindow
{
    /// <summary>The program and its sales rules, if it takes applications today (JST).</summary>
    public static async Task<Result<OpenProgram>> OpenAsync(LedgerDbContext db, Guid programId, DateOnly today, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().FirstAsync(p => p.Id == programId, ct).ConfigureAwait(false);
        var sales = await db.ProgramSales.AsNoTracking().FirstOrDefaultAsync(s => s.ProgramId == programId, ct).ConfigureAwait(false);
        if (sales is null)
        {
            return SalesProblems.ClosedForApplications(program.Code, "it takes no applications (counter sales only).");
        }

        if (!IsOpen(sales, today))
        {
            return SalesProblems.ClosedForApplications(program.Code,
                $"applications are accepted from {sales.ApplicationFrom:yyyy-MM-dd} to {sales.ApplicationUntil:yyyy-MM-dd} (JST).");
        }

        return new OpenProgram(program, sales);
    }

    /// <summary>Applications are taken from the first to the last day of the window, both inclusive (JST).</summary>
    public static bool IsOpen(ProgramSales sales, DateOnly today) => today >= sales.ApplicationFrom && today <= sales.ApplicationUntil;
}
