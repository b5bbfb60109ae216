namespace Tsuyama.LocalCurrency.Common;

/// <summary>
/// Who at the city office may use a use case, checked by the use case itself as well as by the page or
/// route in front of it. The operator (CLI, jobs: no signed-in actor) is trusted with every action.
/// </summary>
internal static class CityDesk
{
    public static Error? AdminOnly(ICurrentActor actor, string action) =>
        actor.Current is not null && !actor.IsInRole(Roles.Admin)
            ? Error.Forbidden($"Only the city office's Admin may {action}.")
            : null;

    /// <summary>Admin or front-desk Counter staff: residents' personal data, never the chamber or a shop.</summary>
    public static Error? CounterOrAdmin(ICurrentActor actor, string action) =>
        actor.Current is not null && !actor.IsInRole(Roles.Admin) && !actor.IsInRole(Roles.Counter)
            ? Error.Forbidden($"Only the city office's Admin or Counter staff may {action}.")
            : null;
}
