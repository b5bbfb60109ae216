using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class AuthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Token_WithTheBootstrapAdmin_IssuesABearerTokenThatWorks()
    {
        var admin = await _api.AdminAsync();

        var response = await admin.GetAsync("/api/v1/ledger/verify");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(ApiFactory.AdminEmail, "wrong-password1")]
    [InlineData("nobody@test.example", "whatever123")]
    public async Task Token_WithWrongCredentials_ReturnsUnauthorizedProblem(string email, string password)
    {
        var response = await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password });

        await Api.ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Token_WithGarbageBearer_IsRefused()
    {
        var client = _api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        var response = await client.GetAsync("/api/v1/wallet");

        await Api.ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Token_IssuedBeforeARestart_StillWorksAfterIt()
    {
        var token = await _api.AdminTokenAsync();
        await using var restarted = new RestartedApiFactory(factory);
        var client = restarted.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/v1/ledger/verify");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

public sealed class RateLimitTests(StrictRateLimitApiFactory factory) : IClassFixture<StrictRateLimitApiFactory>
{
    [Fact]
    public async Task Token_CalledTooOften_IsRateLimited()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "x@test.example", password = "wrongpass1" })).StatusCode);
        }

        statuses.Take(3).Should().OnlyContain(s => s == HttpStatusCode.Unauthorized);
        statuses.Skip(3).Should().OnlyContain(s => s == HttpStatusCode.TooManyRequests);
    }
}
