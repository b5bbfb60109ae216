namespace Tsuyama.LocalCurrency.Domain;

public enum LotSource
{
    Purchase = 0,
    Refund = 1,
    Grant = 2,
}

/// <summary>
/// Points of one program and kind held by a resident with one expiry day. A resident's balance
/// per (program, kind) always equals the sum of the remaining amounts of its lots.
/// </summary>
public sealed class Lot
{
    public Guid Id { get; init; }
    public Guid ResidentId { get; init; }
    public Guid ProgramId { get; init; }
    public PointKind Kind { get; init; }
    public DateOnly ExpiresOn { get; init; }
    public long OriginalAmount { get; init; }
    public long Remaining { get; set; }
    public LotSource Source { get; init; }
    public Guid SourceId { get; init; }
    public DateTime CreatedAt { get; init; }
}
