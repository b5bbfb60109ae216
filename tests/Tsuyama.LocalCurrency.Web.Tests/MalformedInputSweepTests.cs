using System.Text;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>DESIGN §8: nothing a client sends may produce a 5xx. Every POST route gets junk.</summary>
public sealed class MalformedInputSweepTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    private static readonly string[] PostRoutes =
    [
        "/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/auth/password", "/api/v1/auth/password-resets",
        "/api/v1/residents", "/api/v1/merchants", "/api/v1/programs", "/api/v1/staff", "/api/v1/purchases",
        "/api/v1/merchant/payment-requests", "/api/v1/payments", "/api/v1/payment-codes", "/api/v1/merchant/charges",
        "/api/v1/payments/{payment}/refunds", "/api/v1/merchant/transfers", "/api/v1/settlements", "/api/v1/simulations",
        "/api/v1/residents/{resident}/verification", "/api/v1/programs/{program}/applications", "/api/v1/programs/{program}/lottery",
        "/api/v1/applications/{unknown}/payments", "/api/v1/purchases/{unknown}/cancellation", "/api/v1/sales/provider-callback",
        "/api/v1/grant-budgets", "/api/v1/grant-budgets/{unknown}/grants", "/api/v1/grant-budgets/{unknown}/grants/csv",
        "/api/v1/simulations/comparisons", "/api/v1/simulations/sweeps", "/api/v1/simulations/shop-check",
    ];

    private static readonly string[] Bodies =
    [
        "", "null", "[]", "{", "\"text\"", "12", "{}",
        "{\"amount\":\"lots\",\"units\":-1,\"programCode\":null,\"qrPayload\":42}",
        "{\"amount\":1e400,\"units\":99999999999,\"cutoff\":\"2026-02-30\",\"toMerchantId\":\"not-a-guid\"}",
        "{\"email\":\"" + new string('a', 5000) + "\",\"password\":null,\"scenario\":{\"sectors\":\"none\"},\"size\":\"huge\"}",
        "{\"code\":\"\\u0000\\u0001\",\"amount\":-9223372036854775808,\"pointsPerUnit\":{\"general\":9223372036854775807,\"smallBusiness\":1}}",
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in PostRoutes)
        {
            foreach (var who in new[] { "anonymous", "resident", "merchant", "admin" })
            {
                data.Add(route, who);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_WithMalformedBodies_NeverReturnsA5xx(string route, string who)
    {
        var path = route.Replace("{payment}", fixture.PaymentId.ToString(), StringComparison.Ordinal)
            .Replace("{resident}", fixture.ResidentId.ToString(), StringComparison.Ordinal)
            .Replace("{program}", fixture.Program, StringComparison.Ordinal)
            .Replace("{unknown}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        foreach (var body in Bodies)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));

            var response = await fixture.Clients[who].SendAsync(request);

            var because = $"{route} as {who} with body {body[..Math.Min(body.Length, 60)]}: {await response.Content.ReadAsStringAsync()}";
            if (route == "/api/v1/payment-codes" && who == "resident")
            {
                // The one POST that reads no body: whatever is sent, the resident gets a code.
                ((int)response.StatusCode).Should().Be(201, because);
            }
            else
            {
                ((int)response.StatusCode).Should().BeInRange(400, 499, because);
            }
        }
    }
}
