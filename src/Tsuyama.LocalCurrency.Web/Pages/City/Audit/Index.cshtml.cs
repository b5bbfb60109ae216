using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Audit.ExportAuditLog;
using Tsuyama.LocalCurrency.Features.Audit.GetAuditLog;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Audit;

/// <summary>
/// The staff audit log, newest first, filtered by who, action, record, outcome and a JST date range;
/// the same filter downloads as CSV. Read-only: there is no way to change or remove an entry.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(IMediator mediator, SiteText text) : PageModel
{
    public const int PageSize = 50;

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["outcome"] = nameof(Outcome), ["to"] = nameof(To), ["record"] = nameof(Record),
    };

    [FromQuery(Name = "user")] public string? Who { get; set; }
    [FromQuery(Name = "action")] public string? Action { get; set; }
    [FromQuery(Name = "record")] public string? Record { get; set; }
    [FromQuery(Name = "outcome")] public string? Outcome { get; set; }
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public static readonly string[] Outcomes = [AuditEntry.Succeeded, AuditEntry.Refused];

    public AuditPage? Entries { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new GetAuditLogQuery(Filter(), Math.Max(1, PageNumber), PageSize), ct);
        if (!result.IsSuccess)
        {
            if (result.Error.Type == ProblemTypes.Forbidden)
            {
                return Forbid();
            }

            text.AddTo(ModelState, result.Error, Fields);
            return Page();
        }

        Entries = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new ExportAuditLogQuery(Filter()), ct);
        if (!result.IsSuccess)
        {
            return result.Error.Type == ProblemTypes.Forbidden ? Forbid() : await OnGetAsync(ct);
        }

        return File(result.Value.Content, result.Value.ContentType, result.Value.FileName);
    }

    /// <summary>The query string for another page or the CSV of the same filter.</summary>
    public string Query(int? page = null, string? handler = null)
    {
        var pairs = new List<KeyValuePair<string, string?>>
        {
            new("user", Who), new("action", Action), new("record", Record), new("outcome", Outcome),
            new("from", From?.ToString("yyyy-MM-dd")), new("to", To?.ToString("yyyy-MM-dd")),
        };
        if (page is { } p)
        {
            pairs.Add(new("page", p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (handler is not null)
        {
            pairs.Add(new("handler", handler));
        }

        return Microsoft.AspNetCore.Http.QueryString.Create(pairs.Where(kv => !string.IsNullOrWhiteSpace(kv.Value))).ToString();
    }

    /// <summary>The date range is whole JST days: from the start of <see cref="From"/> to the end of <see cref="To"/>.</summary>
    private AuditFilter Filter() => new(Who, null, Action, Midnight(From), Midnight(To?.AddDays(1)), Outcome, Record);

    private static DateTimeOffset? Midnight(DateOnly? day) =>
        day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), JapanTime.Offset) : null;
}
