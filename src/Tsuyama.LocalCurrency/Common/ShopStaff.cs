namespace Tsuyama.LocalCurrency.Common;

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
