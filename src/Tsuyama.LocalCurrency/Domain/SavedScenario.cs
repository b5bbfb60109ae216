namespace Tsuyama.LocalCurrency.Domain;

/// <summary>A scenario the chamber saved from the console's editor; each save is a new one, never overwritten.</summary>
public sealed class SavedScenario
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string ScenarioJson { get; init; }

    /// <summary>The staff member's scope (who saved it); kept for the record, never shown on the chamber's pages.</summary>
    public required string SavedBy { get; init; }

    public DateTime CreatedAt { get; init; }
}
