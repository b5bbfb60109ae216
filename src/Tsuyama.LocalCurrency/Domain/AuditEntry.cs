namespace Tsuyama.LocalCurrency.Domain;

/// <summary>
/// One staff action (DESIGN: audit log of issue #9): who, in which role, did what to which record,
/// when, from where, and whether it was done or refused. Append-only: the context refuses to
/// update or delete a row, and no use case does either.
/// </summary>
public sealed class AuditEntry
{
    public const string Succeeded = "succeeded";
    public const string Refused = "refused";

    public Guid Id { get; init; }
    public DateTime OccurredAt { get; init; }
    public Guid UserId { get; init; }
    public required string Email { get; init; }
    public required string Role { get; init; }

    /// <summary>The command's name, e.g. CreateProgramCommand.</summary>
    public required string Action { get; init; }

    /// <summary>"Name=value" of the record acted on (an *Id of the result or request), when there is one.</summary>
    public string? RecordId { get; init; }

    public string? RemoteAddress { get; init; }
    public required string Outcome { get; init; }

    /// <summary>The problem type of a refusal, e.g. conflict.</summary>
    public string? ProblemType { get; init; }

    /// <summary>The request as JSON, with passwords, secrets and tokens redacted by property name.</summary>
    public required string Details { get; init; }
}
