namespace Tsuyama.LocalCurrency.Domain;

/// <summary>
/// The running balance of one account for one (program, kind). Only ever changed by conditional
/// atomic updates inside the transaction that appends the matching transfers.
/// </summary>
public sealed class Balance
{
    public Guid AccountId { get; init; }
    public Guid ProgramId { get; init; }
    public PointKind Kind { get; init; }
    public long Amount { get; set; }
}
