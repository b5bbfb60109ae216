using System.Security.Claims;
using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>Who is calling, read from the bearer token's claims.</summary>
internal static class Caller
{
    public const string MerchantIdClaim = "merchant_id";

    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user without id."));

    /// <summary>Residents sign in as themselves: their user id is their resident id.</summary>
    public static Guid ResidentId(this ClaimsPrincipal user) => user.UserId();

    public static Guid? MerchantId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(MerchantIdClaim), out var id) ? id : null;

    /// <summary>The idempotency scope: keys of different callers never collide.</summary>
    public static string Scope(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Merchant) && user.MerchantId() is { } merchant ? IdempotencyScopes.Merchant(merchant) : IdempotencyScopes.User(user.UserId());
}
