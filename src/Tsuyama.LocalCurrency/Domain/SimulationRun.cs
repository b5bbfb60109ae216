namespace Tsuyama.LocalCurrency.Domain;

public enum SimulationRunStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>A chamber-requested simulation; kept in the database so it survives a restart.</summary>
public sealed class SimulationRun
{
    public Guid Id { get; init; }
    public SimulationRunStatus Status { get; set; }
    /// <summary>0..1.</summary>
    public double Progress { get; set; }
    public required string ScenarioJson { get; init; }
    public int? Runs { get; init; }
    public string? ResultJson { get; set; }
    public string? ReportHtml { get; set; }
    public string? Error { get; set; }
    public required string RequestedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}
