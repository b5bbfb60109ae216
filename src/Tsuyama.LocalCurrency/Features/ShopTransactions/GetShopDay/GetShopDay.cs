using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopDay;

/// <summary>取引履歴: a shop's payments and refunds of one JST day (today when omitted), newest first, with the day's totals.</summary>
public sealed record GetShopDayQuery(Guid MerchantId, DateOnly? Day = null) : IQuery<ShopDay>;

internal sealed class GetShopDayValidator : IValidator<GetShopDayQuery>
{
    public void Validate(GetShopDayQuery r, ValidationErrors e) => e.LedgerDay(r.Day, "day");
}

public sealed record ShopDay(DateOnly Day, ShopTotals Totals, IReadOnlyList<ShopTransaction> Items);

internal sealed class GetShopDayHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<GetShopDayQuery, Result<ShopDay>>
{
    public async Task<Result<ShopDay>> Handle(GetShopDayQuery query, CancellationToken ct)
    {
        var day = query.Day ?? JapanTime.Today(clock);
        var (from, to) = ShopLedger.Span(day, day);
        var entries = await ShopLedger.ReadAsync(db, query.MerchantId, from, to, ct).ConfigureAwait(false);
        entries.Reverse();
        return new ShopDay(day, ShopTotals.Of(entries), entries);
    }
}
