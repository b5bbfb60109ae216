using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Residents.GetResidentProfile;
using Tsuyama.LocalCurrency.Features.Sales.GetCounterPrograms;
using Tsuyama.LocalCurrency.Features.Sales.QuoteCounterSale;
using Tsuyama.LocalCurrency.Features.Sales.RecordCounterSale;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Residents;

/// <summary>
/// A walk-in sale at the counter in two steps: choose the program and units, then confirm the yen
/// taken on a screen that shows what will be issued (the same use case as POST /purchases).
/// </summary>
public sealed class SaleModel(IMediator mediator, SiteText text) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["programCode"] = nameof(ProgramCode), ["units"] = nameof(Units), ["paymentMethod"] = nameof(PaymentMethod), ["note"] = nameof(Note),
    };

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public string? ProgramCode { get; set; }
    [BindProperty] public int Units { get; set; } = 1;
    [BindProperty] public string? PaymentMethod { get; set; } = "cash";
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? IdempotencyKey { get; set; }

    public ResidentProfile Profile { get; private set; } = null!;
    public IReadOnlyList<CounterProgram> Programs { get; private set; } = [];
    public CounterSaleQuote? Quote { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        ProgramCode ??= Programs.FirstOrDefault()?.Code;
        return Page();
    }

    /// <summary>Step 1 → the confirmation screen; nothing is recorded yet.</summary>
    public async Task<IActionResult> OnPostQuoteAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var quote = await mediator.Send(new QuoteCounterSaleQuery(ProgramCode, Units), ct);
        if (!quote.IsSuccess)
        {
            text.AddTo(ModelState, quote.Error, Fields);
            return Page();
        }

        Quote = quote.Value;
        return Page();
    }

    /// <summary>Step 2: the yen was taken; the points are issued. The form's key makes a double press one sale.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var quote = await mediator.Send(new QuoteCounterSaleQuery(ProgramCode, Units), ct);
        if (!quote.IsSuccess)
        {
            text.AddTo(ModelState, quote.Error, Fields);
            return Page();
        }

        var sale = await mediator.Send(new RecordCounterSaleCommand(Id, quote.Value.ProgramCode, Units, quote.Value.PaidYen, PaymentMethod ?? "",
            string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), User.Scope(), IdempotencyKey), ct);
        if (!sale.IsSuccess)
        {
            if (sale.Error.Type == ProblemTypes.Forbidden)
            {
                return Forbid();
            }

            text.AddTo(ModelState, sale.Error, Fields);
            return Page();
        }

        var points = sale.Value.Points.General + sale.Value.Points.SmallBusiness;
        return Redirect($"/city/residents/{Id}?done=sold&points={points}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var profile = await mediator.Send(new GetResidentProfileQuery(Id), ct);
        if (!profile.IsSuccess)
        {
            return profile.Error.Type == ProblemTypes.Forbidden ? Forbid() : NotFound();
        }

        var programs = await mediator.Send(new GetCounterProgramsQuery(), ct);
        if (!programs.IsSuccess)
        {
            return Forbid();
        }

        (Profile, Programs) = (profile.Value, programs.Value);
        return null;
    }
}
