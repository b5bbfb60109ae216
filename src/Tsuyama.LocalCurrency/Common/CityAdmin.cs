namespace Tsuyama.LocalCurrency.Common;

/// <summary>
/// What only the city office's Admin may do (programs, settlements, the ledger check), enforced by
/// the use cases themselves so that a page or route that forgets its role check still refuses
/// Counter staff. The CLI and jobs (no signed-in actor) act as the operator and are trusted.
/// </summary>
public static class CityAdmin
{
    /// <returns>The refusal for a signed-in user who is not an Admin, or null.</returns>
    public static Error? Only(ICurrentActor actor, string action) =>
        actor.Current is not null && !actor.IsInRole(Roles.Admin)
            ? Error.Forbidden($"Only the city office's Admin can {action}.")
            : null;
}
