using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Sales.QuoteCounterSale;

/// <summary>
/// What a counter sale would take and give, for the confirmation screen before the yen is recorded:
/// the price rule is the sale's own (<see cref="PurchaseIssuer.PriceOf"/>). The sale itself checks
/// the rest (verification, window, limits, budget).
/// </summary>
public sealed record QuoteCounterSaleQuery(string? ProgramCode, int Units) : IQuery<CounterSaleQuote>;

public sealed record CounterSaleQuote(string ProgramCode, string ProgramName, int Units, long PaidYen, PurchasedPoints Points);

internal sealed class QuoteCounterSaleValidator : IValidator<QuoteCounterSaleQuery>
{
    public void Validate(QuoteCounterSaleQuery r, ValidationErrors e)
    {
        e.NotBlank(r.ProgramCode, "programCode", 32);
        e.Positive(r.Units, "units", 10_000);
    }
}

internal sealed class QuoteCounterSaleHandler(LedgerDbContext db, ICurrentActor actor) : IRequestHandler<QuoteCounterSaleQuery, Result<CounterSaleQuote>>
{
    public async Task<Result<CounterSaleQuote>> Handle(QuoteCounterSaleQuery query, CancellationToken ct)
    {
        if (CityDesk.CounterOrAdmin(actor, "sell vouchers at the counter") is { } denied)
        {
            return denied;
        }

        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Code == query.ProgramCode, ct).ConfigureAwait(false);
        if (program is null)
        {
            return Error.NotFound("Program", query.ProgramCode!);
        }

        var (paidYen, points) = PurchaseIssuer.PriceOf(program, query.Units);
        return new CounterSaleQuote(program.Code, program.Name, query.Units, paidYen, points);
    }
}
