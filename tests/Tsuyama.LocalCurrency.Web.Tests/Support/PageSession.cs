using System.Net;
using System.Text.RegularExpressions;

namespace Tsuyama.LocalCurrency.Web.Tests.Support;

/// <summary>A browser-like HTTP client for the pages: cookie sign-in through the sign-in form, no redirects followed.</summary>
public static partial class PageSession
{
    public static async Task<HttpClient> SignInAsync(ApiFactory factory, string email, string password)
    {
        var client = factory.CreateDefaultClient(new CookieJar());
        var signedIn = await PostFormAsync(client, "/signin", "/signin", new() { ["Email"] = email, ["Password"] = password });
        signedIn.StatusCode.Should().BeOneOf(HttpStatusCode.Redirect, HttpStatusCode.SeeOther);
        return client;
    }

    /// <summary>Posts <paramref name="fields"/> with the antiforgery token (and idempotency key, if any) of the form on <paramref name="page"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value;
        if (IdempotencyKey().Match(form) is { Success: true } key && !fields.ContainsKey("IdempotencyKey"))
        {
            fields["IdempotencyKey"] = key.Groups[1].Value;
        }

        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"IdempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex IdempotencyKey();
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
