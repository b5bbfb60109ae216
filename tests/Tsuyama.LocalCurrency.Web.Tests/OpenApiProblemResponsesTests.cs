using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>
/// Every operation of /openapi/v1.json lists the problem responses a client must handle, as
/// application/problem+json (DESIGN §8). A new route gets them from the /api/v1 group; one that
/// bypasses it, or a use case refusal a route does not declare, fails here or in the API tests.
/// </summary>
public sealed class OpenApiProblemResponsesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] Writes = ["post", "put", "patch", "delete"];

    private readonly Api _api = new(factory);

    private async Task<List<(string Path, string Method, JsonObject Operation)>> OperationsAsync()
    {
        var doc = await _api.Anonymous().GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var operations = doc!["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Value is JsonObject op && op.ContainsKey("responses"))
                .Select(o => (p.Key, o.Key, o.Value!.AsObject())))
            .ToList();
        operations.Should().HaveCountGreaterThan(80, "the document should hold the whole API");
        return operations;
    }

    private static IEnumerable<string> Missing(IEnumerable<(string Path, string Method, JsonObject Operation)> operations, string status) =>
        operations.Where(o => !IsProblem(o.Operation, status)).Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}");

    private static bool IsProblem(JsonObject operation, string status) =>
        operation["responses"]?[status]?["content"]?["application/problem+json"] is not null;

    [Fact]
    public async Task OpenApi_EveryWrite_ListsValidationAndBusyProblems()
    {
        var writes = (await OperationsAsync()).Where(o => Writes.Contains(o.Method)).ToList();

        Missing(writes, "400").Should().BeEmpty("every write reads client input that can be invalid (400)");
        Missing(writes, "503").Should().BeEmpty("every write can lose to concurrent writers or find the storage full (503)");
    }

    [Fact]
    public async Task OpenApi_EveryRouteWithAPathValue_ListsNotFound()
    {
        var named = (await OperationsAsync()).Where(o => o.Path.Contains('{', StringComparison.Ordinal));

        Missing(named, "404").Should().BeEmpty("a route that names a record answers 404 when there is none");
    }

    /// <summary>Open to anyone; sign-in, refresh and the provider callback are too, but list 401 for a wrong password, token or signature.</summary>
    private static readonly string[] Anonymous =
    [
        "POST /api/v1/residents", "GET /api/v1/merchants/{id}/qr", "GET /api/v1/merchants/{id}/sticker", "GET /api/v1/sales",
        "GET /api/v1/programs/{code}/sales", "GET /api/v1/programs/{code}/lottery", "GET /api/v1/stores", "GET /api/v1/stores/{storeNumber}",
        "POST /api/v1/auth/token", "POST /api/v1/auth/refresh", "POST /api/v1/sales/provider-callback",
    ];

    [Fact]
    public async Task OpenApi_EveryRouteBehindSignIn_ListsUnauthorizedAndForbidden()
    {
        var operations = await OperationsAsync();
        var signedIn = operations.Where(o => !Anonymous.Contains($"{o.Method.ToUpperInvariant()} {o.Path}")).ToList();

        Missing(signedIn, "401").Should().BeEmpty("a route behind sign-in answers 401 without a valid token");
        Missing(signedIn, "403").Should().BeEmpty("and 403 to a role it does not serve");
        operations.Where(o => IsProblem(o.Operation, "403")).Should().HaveCount(signedIn.Count, "an anonymous route never forbids");
    }

    [Fact]
    public async Task OpenApi_EveryIdempotentWrite_ListsTheKeyConflict()
    {
        var operations = await OperationsAsync();
        var idempotent = operations.Where(o => IsKeyed(o.Path, o.Method));

        Missing(idempotent, "409").Should().BeEmpty("a reused Idempotency-Key with another body is a 409");
    }

    /// <summary>The routes that move points (DESIGN §4): they require the Idempotency-Key.</summary>
    private static bool IsKeyed(string path, string method) => method == "post" && path is "/api/v1/payments" or "/api/v1/merchant/charges"
        or "/api/v1/merchant/transfers" or "/api/v1/payments/{id}/refunds" or "/api/v1/purchases" or "/api/v1/applications/{id}/payments"
        or "/api/v1/purchases/{id}/cancellation" or "/api/v1/settlements";

    [Fact]
    public async Task OpenApi_RoutesWhoseUseCasesRefuseByRule_ListThoseProblems()
    {
        var operations = (await OperationsAsync()).ToDictionary(o => $"{o.Method.ToUpperInvariant()} {o.Path}", o => o.Operation);

        IsProblem(operations["POST /api/v1/payments"], "422").Should().BeTrue("a payment can find too little balance");
        IsProblem(operations["POST /api/v1/auth/token"], "401").Should().BeTrue();
        IsProblem(operations["POST /api/v1/auth/token"], "423").Should().BeTrue("a locked account is told until when");
        IsProblem(operations["POST /api/v1/auth/token"], "429").Should().BeTrue("sign-in is rate-limited");
        IsProblem(operations["POST /api/v1/settlements"], "409").Should().BeTrue();
    }

    [Fact]
    public async Task OpenApi_EverySuccessResponse_HasItsSchemaFromTheTypedResult()
    {
        var operations = await OperationsAsync();

        operations.Where(o => o.Operation["responses"]!.AsObject().All(r => !r.Key.StartsWith('2')))
            .Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").Should().BeEmpty("each route declares its success through its typed result");
    }
}
