using System.Net;

namespace Tsuyama.LocalCurrency.Web.Tests.Support;

/// <summary>
/// A browser-like HTTP client for the pages on a host with the fixed test clock: cookie sign-in through the
/// sign-in form, no redirects followed (tests read the 302/303 themselves). Forms are posted with
/// <see cref="ConsolePages.PostFormAsync"/>, the one place that reads a form's tokens.
/// </summary>
public static class PageSession
{
    public static async Task<HttpClient> SignInAsync(ApiFactory factory, string email, string password)
    {
        var client = factory.CreateDefaultClient(new CookieJar());
        var signedIn = await ConsolePages.PostFormAsync(client, "/signin", "/signin", new() { ["Email"] = email, ["Password"] = password });
        signedIn.StatusCode.Should().BeOneOf(HttpStatusCode.Redirect, HttpStatusCode.SeeOther);
        return client;
    }
}

/// <summary>
/// Keeps the cookies a page sets and sends them back, ignoring their expiry: the host's clock is the fixed
/// test date, long past for a real cookie container.
/// </summary>
internal sealed class CookieJar : DelegatingHandler
{
    private readonly Dictionary<string, string> _cookies = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var pair in set.Select(c => c.Split(';')[0]))
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                _cookies[pair[..at]] = pair[(at + 1)..];
            }
        }

        return response;
    }
}
