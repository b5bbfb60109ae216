namespace Tsuyama.LocalCurrency.Common;

/// <summary>Who is acting, as far as the host knows: the web host fills it from the request, the CLI has nobody.</summary>
public interface ICurrentActor
{
    Actor? Current { get; }
}

public sealed record Actor(Guid UserId, string Email, IReadOnlyList<string> Roles, string? RemoteAddress)
{
    private static readonly string[] StaffRoles = [Common.Roles.Admin, Common.Roles.Counter, Common.Roles.Chamber];

    /// <summary>The staff roles of this actor, comma-separated; empty for residents and shops.</summary>
    public string StaffRole => string.Join(",", StaffRoles.Where(Roles.Contains));

    public bool IsStaff => StaffRole.Length > 0;
}

internal sealed class NoActor : ICurrentActor
{
    public Actor? Current => null;
}
