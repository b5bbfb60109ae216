using Hangfire;
using Hangfire.Storage;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Settlements.ListSettlements;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;
using Tsuyama.LocalCurrency.Web.Http;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Settlements;

/// <summary>Settlements: run one for a cutoff, the list with shops held back, and when the scheduled job runs next.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(IMediator mediator, SiteText text, TimeProvider clock, JobStorage jobs) : PageModel
{
    [BindProperty] public DateOnly? Cutoff { get; set; }
    [BindProperty] public string? IdempotencyKey { get; set; }

    public SettlementList List { get; private set; } = new([], null);

    /// <summary>The next runs of the recurring settlement jobs (JST), each settling the day before it.</summary>
    public IReadOnlyList<DateTimeOffset> NextRuns { get; private set; } = [];

    public DateOnly Today => JapanTime.Today(clock);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cutoff ??= Today.AddDays(-1);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Cutoff is not { } cutoff)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(Cutoff), text.FieldMessage("settlement.cutoff"));
            await LoadAsync(ct);
            return Page();
        }

        var done = await mediator.Send(new RunSettlementCommand(cutoff, User.Scope(), IdempotencyKey), ct);
        if (!done.IsSuccess)
        {
            if (done.Error.Type == ProblemTypes.Forbidden)
            {
                return Forbid();
            }

            text.AddErrors(ModelState, done.Error, "settlement", new Dictionary<string, string>
            {
                ["cutoff"] = nameof(Cutoff), [ProblemTypes.CutoffNotOver] = nameof(Cutoff), [ProblemTypes.Conflict] = nameof(Cutoff),
            });
            await LoadAsync(ct);
            return Page();
        }

        return Redirect($"/city/settlements/{done.Value.SettlementId}?done=run");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        List = (await mediator.Send(new ListSettlementsQuery(), ct)).Value ?? new([], null);
        using var connection = jobs.GetConnection();
        NextRuns = connection.GetRecurringJobs()
            .Where(j => j.Id.StartsWith("settlement-", StringComparison.Ordinal) && j.NextExecution is not null)
            .Select(j => new DateTimeOffset(DateTime.SpecifyKind(j.NextExecution!.Value, DateTimeKind.Utc)))
            .Order()
            .ToList();
    }
}
