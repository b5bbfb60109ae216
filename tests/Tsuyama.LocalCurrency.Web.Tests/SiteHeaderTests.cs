using System.Net;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class SiteHeaderTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Landing_IsAJapanesePageWithStrictSecurityHeaders()
    {
        var response = await factory.CreateClient().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("<html lang=\"ja\"");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("script-src 'self'").And.NotContain("unsafe-inline").And.Contain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        html.Should().NotContain("<script>", "every script is an external file under the CSP");
    }

    [Fact]
    public async Task Api_WithoutToken_StillAnswers401NotARedirect()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/wallet");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WalletPage_WithoutSignIn_RedirectsToSignIn()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/wallet");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/signin");
    }

    [Fact]
    public async Task WalletPage_WithBearerTokenOnly_IsNotSignedIn()
    {
        var api = new Api(factory);
        var resident = await api.ResidentAsync();
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = resident.Client.DefaultRequestHeaders.Authorization;
        // A token is for the API; pages accept only the cookie, so a stolen page link cannot be replayed with it.
        var response = await client.GetAsync("/wallet");
        response.StatusCode.Should().NotBe(HttpStatusCode.OK);
    }
}

public sealed class SiteAssetTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Stylesheet_IsServed()
    {
        var response = await factory.CreateClient().GetAsync("/css/site.css");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        body.Should().Contain("--brand");
    }
}
