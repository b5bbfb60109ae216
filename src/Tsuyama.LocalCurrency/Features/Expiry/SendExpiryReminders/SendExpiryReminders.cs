using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Expiry.SendExpiryReminders;

/// <summary>
/// Stores a reminder for every resident whose points of a program expire exactly 30 or 7 days
/// after <see cref="AsOf"/>. Reminders already stored are skipped (and a unique index backs that
/// up against a concurrent run), so running the daily job twice notifies nobody twice.
/// </summary>
public sealed record SendExpiryRemindersCommand(DateOnly AsOf) : ICommand<RemindersSent>;

public sealed record RemindersSent(int Stored);

internal sealed class SendExpiryRemindersHandler(LedgerDbContext db, TimeProvider clock) : IRequestHandler<SendExpiryRemindersCommand, Result<RemindersSent>>
{
    public async Task<Result<RemindersSent>> Handle(SendExpiryRemindersCommand command, CancellationToken ct)
    {
        var in30 = command.AsOf.AddDays(30);
        var in7 = command.AsOf.AddDays(7);
        var due = await db.Lots
            .Where(l => l.Remaining > 0 && (l.ExpiresOn == in30 || l.ExpiresOn == in7))
            .GroupBy(l => new { l.ResidentId, l.ProgramId, l.ExpiresOn })
            .Select(g => new { g.Key.ResidentId, g.Key.ProgramId, g.Key.ExpiresOn, Points = g.Sum(l => l.Remaining) })
            .ToListAsync(ct).ConfigureAwait(false);
        var stored = await db.Notifications
            .Where(n => n.ExpiresOn == in30 || n.ExpiresOn == in7)
            .Select(n => new { n.ResidentId, n.ProgramId, n.ExpiresOn, n.Kind })
            .ToListAsync(ct).ConfigureAwait(false);
        var already = stored.Select(n => (n.ResidentId, n.ProgramId, n.ExpiresOn, n.Kind)).ToHashSet();

        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var d in due)
        {
            var kind = d.ExpiresOn == in30 ? NotificationKind.Reminder30 : NotificationKind.Reminder7;
            if (already.Contains((d.ResidentId, d.ProgramId, d.ExpiresOn, kind)))
            {
                continue;
            }

            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(now),
                ResidentId = d.ResidentId,
                ProgramId = d.ProgramId,
                ExpiresOn = d.ExpiresOn,
                Points = d.Points,
                Kind = kind,
                CreatedAt = now.UtcDateTime,
            });
            added++;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new RemindersSent(added);
    }
}
