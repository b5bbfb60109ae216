using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Features.Sales.GetMyApplications;
using Tsuyama.LocalCurrency.Features.Sales.GetOpenSales;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Pages.Wallet.Sales;

/// <summary>商品券の申し込み: the sales open now or soon, and the resident's own applications.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<OpenSale> Sales { get; private set; } = [];

    public IReadOnlyList<ApplicationView> Applications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sales = (await mediator.Send(new GetOpenSalesQuery(), ct)).Value ?? [];
        Applications = (await mediator.Send(new GetMyApplicationsQuery(User.ResidentId()), ct)).Value ?? [];
    }

    public ApplicationView? ApplicationFor(string program) => Applications.FirstOrDefault(a => a.ProgramCode == program);

    public string NameOf(string program) => Sales.FirstOrDefault(s => s.ProgramCode == program)?.Name ?? program;
}
