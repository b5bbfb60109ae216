namespace Tsuyama.LocalCurrency.Common;

/// <summary>
/// Who is acting, as far as a rule needs to know: the web host reads the signed-in user (bearer
/// token or cookie); the CLI, jobs and tests act as the operator, who holds no sign-in role.
/// </summary>
public interface ICurrentActor
{
    bool IsInRole(string role);
}

/// <summary>The operator at the console (CLI, background jobs): trusted with every shop action.</summary>
internal sealed class OperatorActor : ICurrentActor
{
    public bool IsInRole(string role) => false;
}

/// <summary>
/// What a shop's clerk may not do, enforced by the use cases themselves so that no page or route
/// can forget it: refunds, supplier payments (and their quotes), settlements, managing clerks.
/// </summary>
public static class ShopStaff
{
    /// <returns>The refusal for a clerk, or null when the actor is the owner (or not a clerk at all).</returns>
    public static Error? OwnerOnly(ICurrentActor actor, string action) =>
        actor.IsInRole(Roles.Clerk) && !actor.IsInRole(Roles.Merchant)
            ? Error.Forbidden($"Only the shop owner can {action}; clerks can receive payments, create payment requests and charge codes.")
            : null;
}
