using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests.City;

/// <summary>Page sessions (the sign-in cookie) over plain HTTP, for the console's role checks.</summary>
public static partial class CitySessions
{
    public const string StaffPassword = "StaffPass2026";

    /// <summary>A client signed in on the sign-in page, carrying its cookie; redirects are followed (a refusal ends on /denied, 403).</summary>
    public static async Task<HttpClient> SignInAsync(ApiFactory factory, string email, string password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        var form = await client.GetStringAsync("/signin");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        // The sign-in redirects to the user's home (the chamber's console may not exist on this branch); it never stays on /signin.
        response.RequestMessage!.RequestUri!.AbsolutePath.Should().NotBe("/signin", await response.Content.ReadAsStringAsync());
        return client;
    }

    public static async Task<string> StaffEmailAsync(Api api, string role)
    {
        var email = $"{role.ToLowerInvariant()}{Guid.NewGuid():N}@test.example";
        var response = await api.PostAsync(await api.AdminAsync(), "/api/v1/staff", new { email, password = StaffPassword, role });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return email;
    }

    public static async Task<HttpClient> StaffAsync(Api api, string role) => await SignInAsync(api.Factory, await StaffEmailAsync(api, role), StaffPassword);

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static string TokenOf(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
