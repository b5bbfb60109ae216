namespace Tsuyama.LocalCurrency.Common;

/// <summary>
/// Who is acting, as far as a rule or the audit log needs to know: the web host reads the signed-in
/// user (bearer token or cookie); the CLI, jobs and tests have nobody, the operator at the console.
/// </summary>
public interface ICurrentActor
{
    Actor? Current { get; }

    /// <summary>False for the operator, who holds no sign-in role but is trusted with every action.</summary>
    bool IsInRole(string role) => Current?.Roles.Contains(role) ?? false;
}

public sealed record Actor(Guid UserId, string Email, IReadOnlyList<string> Roles, string? RemoteAddress)
{
    private static readonly string[] StaffRoles = [Common.Roles.Admin, Common.Roles.Counter, Common.Roles.Chamber];

    /// <summary>The staff roles of this actor, comma-separated; empty for residents and shops.</summary>
    public string StaffRole => string.Join(",", StaffRoles.Where(Roles.Contains));

    public bool IsStaff => StaffRole.Length > 0;
}

/// <summary>The CLI and background jobs: no signed-in user.</summary>
internal sealed class NoActor : ICurrentActor
{
    public Actor? Current => null;
}
