using System.Security.Claims;
using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>
/// The signed-in caller of the current HTTP request, for the audit log. The address is the
/// client's as the forwarded-headers middleware resolved it, not a proxy's.
/// </summary>
internal sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public Actor? Current
    {
        get
        {
            if (accessor.HttpContext is not { User.Identity.IsAuthenticated: true } http
                || !Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            {
                return null;
            }

            var roles = http.User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
            return new Actor(userId, http.User.FindFirstValue(ClaimTypes.Name) ?? "", roles, http.Connection.RemoteIpAddress?.ToString());
        }
    }
}
