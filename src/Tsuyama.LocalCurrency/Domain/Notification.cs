namespace Tsuyama.LocalCurrency.Domain;

public enum NotificationKind
{
    /// <summary>Points expire in 30 days.</summary>
    Reminder30 = 0,
    /// <summary>Points expire in 7 days.</summary>
    Reminder7 = 1,
}

/// <summary>
/// A message for a resident, stored for the app to show. Unique per (resident, program, expiry
/// day, kind), so a reminder job that runs twice stores nothing new.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; }
    public Guid ResidentId { get; init; }
    public Guid ProgramId { get; init; }
    public DateOnly ExpiresOn { get; init; }
    public long Points { get; init; }
    public NotificationKind Kind { get; init; }
    public DateTime CreatedAt { get; init; }
}
