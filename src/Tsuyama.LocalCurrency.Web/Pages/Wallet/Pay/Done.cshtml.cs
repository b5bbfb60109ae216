using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Features.History;
using Tsuyama.LocalCurrency.Features.History.GetResidentHistoryEntry;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Pages.Wallet.Pay;

/// <summary>
/// Step 4, reached by a 303 after the payment: the completion screen to show the clerk, read back from the
/// resident's own history (another resident's payment is not found). A reload shows it again without paying again;
/// one opened later says how old it is, so an old payment cannot pass as a fresh one.
/// </summary>
public sealed class DoneModel(IMediator mediator, TimeProvider clock) : PageModel
{
    /// <summary>How long a completion screen counts as just paid; after that it carries the 「前のお支払い」 notice.</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromMinutes(5);

    [FromRoute(Name = "id")] public Guid Id { get; set; }

    public HistoryEntryDetail? Payment { get; private set; }

    public DateTimeOffset PaidAt { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public bool IsFresh => Now - PaidAt < Fresh;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var entry = await mediator.Send(new GetResidentHistoryEntryQuery(User.ResidentId(), Id), ct);
        if (!entry.IsSuccess || entry.Value.Kind != HistoryKind.Payment)
        {
            return NotFound();
        }

        Payment = entry.Value;
        PaidAt = new DateTimeOffset(DateTime.SpecifyKind(Payment.At, DateTimeKind.Utc));
        Now = clock.GetUtcNow();
        return Page();
    }
}
