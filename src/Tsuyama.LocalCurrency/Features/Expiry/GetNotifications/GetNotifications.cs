using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Expiry.GetNotifications;

/// <summary>A resident's stored notifications, newest first.</summary>
public sealed record GetNotificationsQuery(Guid ResidentId) : IQuery<IReadOnlyList<NotificationView>>;

public sealed record NotificationView(Guid Id, string ProgramCode, DateOnly ExpiresOn, long Points, NotificationKind Kind, DateTime CreatedAt);

internal sealed class GetNotificationsHandler(LedgerDbContext db) : IRequestHandler<GetNotificationsQuery, Result<IReadOnlyList<NotificationView>>>
{
    public async Task<Result<IReadOnlyList<NotificationView>>> Handle(GetNotificationsQuery query, CancellationToken ct)
    {
        var list = await (
            from n in db.Notifications
            join p in db.Programs on n.ProgramId equals p.Id
            where n.ResidentId == query.ResidentId
            orderby n.CreatedAt descending, n.ExpiresOn
            select new NotificationView(n.Id, p.Code, n.ExpiresOn, n.Points, n.Kind, n.CreatedAt))
            .ToListAsync(ct).ConfigureAwait(false);
        return list;
    }
}
