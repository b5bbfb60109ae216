using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Audit.GetAuditLog;

/// <summary>
/// Filters of the audit log; every one is optional. <paramref name="User"/> is an e-mail address or a user id;
/// <paramref name="Record"/> a part of the record acted on (e.g. a merchant's id).
/// </summary>
public sealed record AuditFilter(string? User, string? Role, string? Action, DateTimeOffset? From, DateTimeOffset? To, string? Outcome,
    string? Record = null);

public sealed record GetAuditLogQuery(AuditFilter Filter, int Page = 1, int PageSize = 50) : IQuery<AuditPage>;

public sealed record AuditEntryView(Guid Id, DateTimeOffset OccurredAt, Guid UserId, string Email, string Role, string Action,
    string? RecordId, string? RemoteAddress, string Outcome, string? ProblemType, string Details);

public sealed record AuditPage(int Page, int PageSize, int Total, IReadOnlyList<AuditEntryView> Entries);

internal sealed class GetAuditLogValidator : IValidator<GetAuditLogQuery>
{
    public void Validate(GetAuditLogQuery r, ValidationErrors e)
    {
        e.Require(r.Page >= 1, "page", "must be 1 or more");
        e.Require(r.PageSize is >= 1 and <= AuditLog.MaxPageSize, "pageSize", $"must be from 1 to {AuditLog.MaxPageSize}");
        AuditLog.ValidateFilter(r.Filter, e);
    }
}

internal sealed class GetAuditLogHandler(LedgerDbContext db, ICurrentActor actor) : IRequestHandler<GetAuditLogQuery, Result<AuditPage>>
{
    public async Task<Result<AuditPage>> Handle(GetAuditLogQuery request, CancellationToken ct)
    {
        if (CityDesk.AdminOnly(actor, "read the audit log") is { } denied)
        {
            return denied;
        }

        var query = AuditLog.Filtered(db, request.Filter);
        var total = await query.CountAsync(ct).ConfigureAwait(false);
        var entries = await AuditLog.Newest(query).Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(ct).ConfigureAwait(false);
        return new AuditPage(request.Page, request.PageSize, total, entries.Select(AuditLog.View).ToList());
    }
}

/// <summary>The filtering shared by the page and the CSV export, so both show the same entries.</summary>
internal static class AuditLog
{
    public const int MaxPageSize = 500;

    public static void ValidateFilter(AuditFilter? f, ValidationErrors e)
    {
        if (f is null)
        {
            e.Add("filter", "is required");
            return;
        }

        e.Require(f.Outcome is null or "" or AuditEntry.Succeeded or AuditEntry.Refused, "outcome", "must be succeeded or refused");
        e.Require(f.From is null || f.To is null || f.From <= f.To, "to", "must not be before from");
        e.Require(f.Record is not { Length: > 100 }, "record", "must be at most 100 characters");
    }

    public static IQueryable<AuditEntry> Filtered(LedgerDbContext db, AuditFilter f)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.User))
        {
            query = Guid.TryParse(f.User, out var id) ? query.Where(e => e.UserId == id) : query.Where(e => e.Email == f.User.Trim());
        }

        if (!string.IsNullOrWhiteSpace(f.Role))
        {
            // Roles are stored comma-separated (a user may hold several); no role name contains another.
            query = query.Where(e => e.Role.Contains(f.Role.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(f.Action))
        {
            query = query.Where(e => e.Action.Contains(f.Action.Trim()));
        }

        if (f.From is { } from)
        {
            var utc = from.UtcDateTime;
            query = query.Where(e => e.OccurredAt >= utc);
        }

        if (f.To is { } to)
        {
            var utc = to.UtcDateTime;
            query = query.Where(e => e.OccurredAt < utc);
        }

        if (!string.IsNullOrWhiteSpace(f.Record))
        {
            query = query.Where(e => e.RecordId != null && e.RecordId.Contains(f.Record.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(f.Outcome))
        {
            query = query.Where(e => e.Outcome == f.Outcome);
        }

        return query;
    }

    /// <summary>Ids are version-7 Guids (time-ordered) and break ties of one instant.</summary>
    public static IQueryable<AuditEntry> Newest(IQueryable<AuditEntry> query) => query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);

    public static AuditEntryView View(AuditEntry e) => new(e.Id, new DateTimeOffset(e.OccurredAt, TimeSpan.Zero), e.UserId, e.Email, e.Role, e.Action,
        e.RecordId, e.RemoteAddress, e.Outcome, e.ProblemType, e.Details);
}
