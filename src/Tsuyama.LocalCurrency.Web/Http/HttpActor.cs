using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>
/// The request's signed-in user, whichever scheme signed it in (API bearer token or the pages'
/// cookie). Outside a request (background jobs) there is no user: the operator acts.
/// </summary>
internal sealed class HttpActor(IHttpContextAccessor http) : ICurrentActor
{
    public bool IsInRole(string role) => http.HttpContext?.User.IsInRole(role) == true;
}
