using System.Net;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class SitePageTests(StrictRateLimitApiFactory factory) : IClassFixture<StrictRateLimitApiFactory>
{
    [Fact]
    public async Task SignInPage_Flooded_RedirectsBackWithTheRateLimitMessage()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        HttpResponseMessage? last = null;
        for (var i = 0; i < factory.TokenPermitsPerMinute + 1; i++)
        {
            last = await client.PostAsync(
                "/signin",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@b.example", ["Password"] = "x" }));
        }

        last!.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        last.Headers.Location!.ToString().Should().Be("/signin?limited=true");
        var page = await (await client.GetAsync("/signin?limited=true")).Content.ReadAsStringAsync();
        page.Should().Contain("サインインの試行が多すぎます");
    }
}
