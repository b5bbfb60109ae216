using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Programs.ListPrograms;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Programs;

[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Programs = (await mediator.Send(new ListProgramsQuery(), ct)).Value ?? [];
}
