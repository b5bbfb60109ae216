using System.Net;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class ClientInputTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Theory]
    [InlineData("?from=0001-01-01")]
    [InlineData("?to=9999-12-31")]
    [InlineData("?from=0001-01-01&to=9999-12-31")]
    [InlineData("?from=1999-12-31&to=2026-04-01")]
    public async Task Circulation_WithExtremeDates_IsAValidationErrorNotA500(string query)
    {
        var admin = await _api.AdminAsync();

        foreach (var path in new[] { "/api/v1/analytics/circulation", "/api/v1/analytics/circulation/scenario" })
        {
            var response = await admin.GetAsync(path + query);

            await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        }
    }
}
