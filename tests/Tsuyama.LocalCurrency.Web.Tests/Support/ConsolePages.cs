using System.Net;
using System.Text.RegularExpressions;

namespace Tsuyama.LocalCurrency.Web.Tests.Support;

/// <summary>
/// A browser-like client for the server-rendered pages: signs in on /signin (cookie), and posts forms
/// with the antiforgery token read from the page, as a browser would.
/// </summary>
public static partial class ConsolePages
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"IdempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex KeyPattern();

    public static HttpClient NewClient(ApiFactory factory) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });

    public static async Task<HttpClient> SignInAsync(ApiFactory factory, string email, string password)
    {
        var client = NewClient(factory);
        // Lands on a page every signed-in user may open, whatever their console (which may not exist on every branch).
        var response = await PostFormAsync(client, "/signin", "/signin",
            new() { ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = "/account/password" });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("id=\"form-error\"", "the sign-in of {0} must succeed", email);
        return client;
    }

    /// <summary>A staff user of <paramref name="role"/> created by the bootstrap Admin, signed in with a cookie.</summary>
    public static async Task<(HttpClient Client, string Email)> StaffAsync(Api api, string role)
    {
        var email = $"{role.ToLowerInvariant()}{Guid.NewGuid():N}@test.example";
        var created = await api.PostAsync(await api.AdminAsync(), "/api/v1/staff", new { email, password = "StaffPass2026", role });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await SignInAsync(api.Factory, email, "StaffPass2026"), email);
    }

    public static Task<HttpClient> AdminAsync(ApiFactory factory) => SignInAsync(factory, ApiFactory.AdminEmail, ApiFactory.AdminPassword);

    /// <summary>GETs <paramref name="page"/>, then posts <paramref name="fields"/> to <paramref name="action"/> with its tokens.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields,
        int form = 0)
    {
        var html = await client.GetStringAsync(page);
        var values = new Dictionary<string, string>(fields);
        var tokens = TokenPattern().Matches(html);
        tokens.Should().NotBeEmpty("{0} must render a form", page);
        values.TryAdd("__RequestVerificationToken", WebUtility.HtmlDecode(tokens[Math.Min(form, tokens.Count - 1)].Groups[1].Value));
        if (KeyPattern().Match(html) is { Success: true } key)
        {
            values.TryAdd("IdempotencyKey", key.Groups[1].Value);
        }

        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }
}

/// <summary>A host for page sessions: see <see cref="ApiFactory.RunOnRealTime"/>.</summary>
public sealed class ConsoleApiFactory : ApiFactory
{
    public ConsoleApiFactory() => RunOnRealTime();
}
