using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Features.History.GetResidentHistory;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Pages.Wallet.History;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 20;

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public HistoryPage? History { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new GetResidentHistoryQuery(User.ResidentId(), Math.Max(1, PageNumber), PageSize), ct);
        History = result.IsSuccess ? result.Value : null;
    }
}
