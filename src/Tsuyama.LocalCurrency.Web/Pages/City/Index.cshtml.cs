using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Features.Dashboard.GetCityDashboard;

namespace Tsuyama.LocalCurrency.Web.Pages.City;

/// <summary>The city office's overview (Admin and Counter): figures per program and kind, payments, activity, two charts.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public CityDashboard Dashboard { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new GetCityDashboardQuery(), ct);
        Dashboard = result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.Detail);
    }
}
