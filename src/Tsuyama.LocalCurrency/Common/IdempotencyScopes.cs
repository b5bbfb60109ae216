namespace Tsuyama.LocalCurrency.Common;

/// <summary>
/// The one definition of whose idempotency keys are whose (<see cref="IIdempotentCommand.IdempotencyScope"/>):
/// the web host derives a caller's scope from its token with these, and the CLI, the seeders, the
/// benchmarks and the tests call them too, so a key they store is the key an HTTP retry finds.
/// </summary>
public static class IdempotencyScopes
{
    /// <summary>A signed-in person; a resident's user id is their resident id.</summary>
    public static string User(Guid userId) => $"user:{userId}";

    /// <summary>A shop: its owner and clerks share the shop's keys.</summary>
    public static string Merchant(Guid merchantId) => $"merchant:{merchantId}";
}
