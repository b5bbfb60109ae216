namespace Tsuyama.LocalCurrency.Domain;

public sealed class Resident
{
    /// <summary>Also the id of the resident's ledger account and of their sign-in user.</summary>
    public Guid Id { get; init; }
    public required string Email { get; init; }
    public required string DisplayName { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>How many units of a program one resident has bought; guards the personal limit.</summary>
public sealed class ResidentProgramUsage
{
    public Guid ResidentId { get; init; }
    public Guid ProgramId { get; init; }
    public int UnitsBought { get; set; }
}
