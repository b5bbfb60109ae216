using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Features.History.GetResidentHistoryEntry;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Pages.Wallet.History;

public sealed class EntryModel(IMediator mediator) : PageModel
{
    public HistoryEntryDetail? Entry { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await mediator.Send(new GetResidentHistoryEntryQuery(User.ResidentId(), id), ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Entry = result.Value;
        return Page();
    }
}
