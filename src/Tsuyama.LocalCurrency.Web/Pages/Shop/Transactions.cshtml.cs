using MediatR;
using Microsoft.AspNetCore.Mvc;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopDay;
using Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopTransactionsCsv;

namespace Tsuyama.LocalCurrency.Web.Pages.Shop;

/// <summary>Payments and refunds of one day (JST) with its totals, the days before and after, and the day as CSV for Excel.</summary>
public sealed class TransactionsModel(IMediator mediator, TimeProvider clock) : ShopPage
{
    [FromQuery(Name = "day")] public DateOnly? Day { get; set; }

    public ShopDay? Result { get; private set; }

    public DateOnly Today => JapanTime.DateOf(clock.GetUtcNow());

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = (await mediator.Send(new GetShopDayQuery(MerchantId, Day ?? Today), ct)).Value;
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var day = Day ?? Today;
        var file = await mediator.Send(new GetShopTransactionsCsvQuery(MerchantId, day, day), ct);
        return file.IsSuccess ? File(file.Value.Content, file.Value.ContentType, file.Value.FileName) : NotFound();
    }
}
