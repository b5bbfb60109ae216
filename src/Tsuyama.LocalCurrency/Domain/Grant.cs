namespace Tsuyama.LocalCurrency.Domain;

/// <summary>
/// A named budget the city grants points from (行政ポイント, e.g. 健康ポイント 2026). Its points are
/// general points of its own grant program, with that program's expiry.
/// </summary>
public sealed class GrantBudget
{
    public Guid Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public Guid ProgramId { get; init; }
    public long TotalPoints { get; init; }

    /// <summary>Lowered only by a conditional update that cannot take it below zero.</summary>
    public long RemainingPoints { get; set; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>Points granted to one resident; (budget, row key) is unique so a row is granted once.</summary>
public sealed class Grant
{
    public Guid Id { get; init; }
    public Guid BudgetId { get; init; }
    public Guid ProgramId { get; init; }
    public Guid ResidentId { get; init; }
    public long Points { get; init; }
    public required string Reason { get; init; }
    public required string RowKey { get; init; }
    public required string GrantedBy { get; init; }
    public DateTime CreatedAt { get; init; }
}
