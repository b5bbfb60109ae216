using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class HostTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Health_OnAFreshDatabase_IsHealthyAfterStartUpMigration()
    {
        var response = await _api.Anonymous().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
        File.Exists(factory.DatabasePath).Should().BeTrue();
    }

    [Fact]
    public async Task OpenApi_DescribesEveryRouteOfTheContract()
    {
        var doc = await _api.Anonymous().GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var paths = doc!["paths"]!.AsObject().Select(p => p.Key).ToList();

        paths.Should().Contain([
            "/api/v1/auth/token", "/api/v1/residents", "/api/v1/merchants", "/api/v1/programs", "/api/v1/purchases", "/api/v1/wallet",
            "/api/v1/merchants/{id}/qr", "/api/v1/merchant/payment-requests", "/api/v1/payments", "/api/v1/payment-codes",
            "/api/v1/merchant/charges", "/api/v1/payments/{id}/refunds", "/api/v1/merchant/transfers", "/api/v1/merchant/account",
            "/api/v1/ledger/verify", "/api/v1/auth/refresh", "/api/v1/auth/sign-out", "/api/v1/auth/password", "/api/v1/auth/password-resets",
        ]);
    }

    [Fact]
    public async Task ApiDocsPage_IsServed()
    {
        var response = await _api.Anonymous().GetAsync("/api-docs/index.html");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("swagger");
    }

    [Fact]
    public async Task UnknownRoute_ReturnsNotFoundProblem()
    {
        var response = await _api.Anonymous().GetAsync("/api/v1/merchants/not-a-guid/qr");

        await Api.ProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }
}
