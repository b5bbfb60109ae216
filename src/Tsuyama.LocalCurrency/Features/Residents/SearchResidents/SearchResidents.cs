using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Residents.SearchResidents;

/// <summary>
/// Counter staff find a resident by a part of their name or e-mail address, or by their id. Nothing is
/// listed without a search term: the counter looks up the person in front of it, not the register.
/// </summary>
public sealed record SearchResidentsQuery(string? Search, int Take = 50) : IQuery<IReadOnlyList<ResidentSummary>>;

public sealed record ResidentSummary(Guid ResidentId, string DisplayName, string Email, bool Verified, DateTime CreatedAt);

internal sealed class SearchResidentsValidator : IValidator<SearchResidentsQuery>
{
    public void Validate(SearchResidentsQuery r, ValidationErrors e)
    {
        e.Require(r.Search is not { Length: > 100 }, "search", "must be at most 100 characters");
        e.Require(r.Take is >= 1 and <= 200, "take", "must be from 1 to 200");
    }
}

internal sealed class SearchResidentsHandler(LedgerDbContext db, ICurrentActor actor)
    : IRequestHandler<SearchResidentsQuery, Result<IReadOnlyList<ResidentSummary>>>
{
    public async Task<Result<IReadOnlyList<ResidentSummary>>> Handle(SearchResidentsQuery query, CancellationToken ct)
    {
        if (CityDesk.CounterOrAdmin(actor, "search residents") is { } denied)
        {
            return denied;
        }

        if (string.IsNullOrWhiteSpace(query.Search))
        {
            return Array.Empty<ResidentSummary>();
        }

        var term = query.Search.Trim();
        var residents = Guid.TryParse(term, out var id)
            ? db.Residents.AsNoTracking().Where(x => x.Id == id)
            : db.Residents.AsNoTracking().Where(x => x.DisplayName.Contains(term) || x.Email.Contains(term));
        var list = await residents.OrderBy(x => x.DisplayName).ThenBy(x => x.Email).Take(query.Take)
            .Select(x => new ResidentSummary(x.Id, x.DisplayName, x.Email, db.ResidentVerifications.Any(v => v.ResidentId == x.Id), x.CreatedAt))
            .ToListAsync(ct).ConfigureAwait(false);
        return list;
    }
}
