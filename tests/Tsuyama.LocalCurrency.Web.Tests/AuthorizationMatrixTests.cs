using System.Net;
using System.Net.Http.Json;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>Sign-ins of every kind, and one payment to the merchant, prepared once for the matrix.</summary>
public sealed class MatrixFixture : ApiFactory, IAsyncLifetime
{
    public Dictionary<string, HttpClient> Clients { get; } = [];
    public Api Api { get; private set; } = null!;
    public Guid MerchantId { get; private set; }
    public Guid OtherMerchantId { get; private set; }
    public Guid PaymentId { get; private set; }
    public string Program { get; private set; } = "";
    public Guid ResidentId { get; private set; }

    public async Task InitializeAsync()
    {
        Api = new Api(this);
        Program = await Api.CreateProgramAsync(maxPerResident: 1_000);
        var resident = await Api.ResidentAsync();
        ResidentId = resident.Id;
        var merchant = await Api.MerchantAsync();
        var other = await Api.MerchantAsync();
        (MerchantId, OtherMerchantId) = (merchant.Id, other.Id);
        var admin = await Api.AdminAsync();
        var staff = await Api.PostAsync(admin, "/api/v1/staff", new { email = "chamber@test.example", password = "ChamberPass1", role = "Chamber" });
        staff.StatusCode.Should().Be(HttpStatusCode.Created);
        await Api.BuyAsync(resident, Program, 10);
        var payment = await Api.JsonAsync(await Api.PostMovingAsync(
            resident.Client,
            "/api/v1/payments",
            new { qrPayload = await Api.StoreQrAsync(merchant.Id), amount = 50_000 }));
        PaymentId = payment["paymentId"]!.GetValue<Guid>();

        Clients["anonymous"] = Api.Anonymous();
        Clients["resident"] = resident.Client;
        Clients["merchant"] = merchant.Client;
        Clients["otherMerchant"] = other.Client;
        Clients["chamber"] = Api.As(await Api.TokenAsync("chamber@test.example", "ChamberPass1"));
        Clients["counter"] = await Api.StaffAsync("Counter");
        var clerk = await Api.PostAsync(merchant.Client, "/api/v1/merchant/clerks", new { email = "clerk@test.example", password = "ClerkPass1" });
        clerk.StatusCode.Should().Be(HttpStatusCode.Created, await clerk.Content.ReadAsStringAsync());
        Clients["clerk"] = Api.As(await Api.TokenAsync("clerk@test.example", "ClerkPass1"));
        Clients["admin"] = admin;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class AuthorizationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    private const string All = "anonymous resident merchant otherMerchant clerk chamber counter admin";

    /// <summary>
    /// Route, who may call it (anyone else: 401 if anonymous, else 403). A clerk acts for the
    /// merchant; its refusals (refunds, supplier payments, settlements, clerks) come from the use cases.
    /// </summary>
    private static readonly (string Route, string Allowed)[] Routes =
    [
        ("POST /api/v1/residents", All),
        ("POST /api/v1/merchants", "admin"),
        ("PUT /api/v1/merchants/{merchant}/payout", "admin"),
        ("POST /api/v1/programs", "admin"),
        ("POST /api/v1/staff", "admin"),
        ("GET /api/v1/audit", "admin"),
        ("GET /api/v1/audit/csv", "admin"),
                ("POST /api/v1/auth/password", "resident merchant otherMerchant clerk chamber counter admin"),
        ("POST /api/v1/auth/password-resets", "admin"),
        ("POST /api/v1/purchases", "counter admin"),
        ("POST /api/v1/residents/{resident}/verification", "counter admin"),
        ("PUT /api/v1/programs/{program}/sales", "admin"),
        ("POST /api/v1/programs/{program}/applications", "resident"),
        ("GET /api/v1/programs/{program}/applications", "counter admin"),
        ("GET /api/v1/programs/{program}/sales", All),
        ("GET /api/v1/applications", "resident"),
        ("PUT /api/v1/applications/{unknown}", "resident"),
        ("DELETE /api/v1/applications/{unknown}", "resident"),
        ("POST /api/v1/programs/{program}/lottery", "admin"),
        ("GET /api/v1/programs/{program}/lottery", All),
        ("POST /api/v1/applications/{unknown}/payments", "counter admin"),
        ("POST /api/v1/purchases/{unknown}/cancellation", "counter admin"),
        ("POST /api/v1/grant-budgets", "admin"),
        ("POST /api/v1/grant-budgets/{unknown}/grants", "admin"),
        ("POST /api/v1/grant-budgets/{unknown}/grants/csv", "admin"),
        ("GET /api/v1/wallet", "resident"),
        ("GET /api/v1/merchants/{merchant}/qr", All),
        ("GET /api/v1/merchants/{merchant}/sticker", All),
        ("GET /api/v1/stores", All),
        ("GET /api/v1/stores/{storeNumber}", All),
        ("POST /api/v1/merchant/payment-requests", "merchant otherMerchant clerk"),
        ("POST /api/v1/payments", "resident"),
        ("POST /api/v1/payment-codes", "resident"),
        ("POST /api/v1/merchant/charges", "merchant otherMerchant clerk"),
        ("POST /api/v1/payments/{payment}/refunds", "merchant"),
        ("POST /api/v1/merchant/transfers", "merchant otherMerchant"),
        ("POST /api/v1/payments/quote", "resident"),
        ("GET /api/v1/history", "resident"),
        ("GET /api/v1/history/{payment}", "resident"),
        ("POST /api/v1/merchant/transfers/quote", "merchant otherMerchant"),
        ("GET /api/v1/merchant/account", "merchant otherMerchant clerk"),
        ("GET /api/v1/merchant/transactions", "merchant otherMerchant clerk"),
        ("GET /api/v1/merchant/transactions/csv?from=2026-04-01&to=2026-04-30", "merchant otherMerchant clerk"),
        ("GET /api/v1/merchant/payments/{payment}", "merchant otherMerchant clerk"),
        ("GET /api/v1/merchant/payment-requests/{unknown}", "merchant otherMerchant clerk"),
        ("GET /api/v1/merchant/events", "merchant otherMerchant clerk"),
        ("POST /api/v1/merchant/clerks", "merchant otherMerchant"),
        ("GET /api/v1/merchant/clerks", "merchant otherMerchant"),
        ("DELETE /api/v1/merchant/clerks/{unknown}", "merchant otherMerchant"),
        ("GET /api/v1/events", "resident"),
        ("GET /api/v1/merchant/payment-requests/{unknown}/events", "merchant otherMerchant clerk"),
        ("GET /api/v1/ledger/verify", "admin"),
        ("POST /api/v1/settlements", "admin"),
        ("GET /api/v1/settlements/{unknown}", "admin"),
        ("GET /api/v1/settlements/{unknown}/zengin", "admin"),
        ("GET /api/v1/settlements/{unknown}/statements/{merchant}", "merchant admin"),
        ("GET /api/v1/merchants/{merchant}/papers/settlements/{unknown}/invoice", "merchant admin"),
        ("GET /api/v1/merchants/{merchant}/papers/settlements/{unknown}/notice", "merchant admin"),
        ("GET /api/v1/merchants/{merchant}/papers/transfer-fee-invoices/2026-03", "merchant admin"),
        ("GET /api/v1/merchants/{merchant}/papers/bookkeeping?from=2026-04-01&to=2026-04-30", "merchant admin"),
        ("POST /api/v1/simulations", "chamber admin"),
        ("GET /api/v1/simulations/{unknown}", "chamber admin"),
        ("GET /api/v1/simulations/{unknown}/report", "chamber admin"),
        ("POST /api/v1/simulations/comparisons", "chamber admin"),
        ("POST /api/v1/simulations/sweeps", "chamber admin"),
        ("GET /api/v1/simulations", "chamber admin"),
        ("POST /api/v1/simulations/validation", "chamber admin"),
        ("GET /api/v1/simulations/comparisons?first={unknown}&second={unknown}", "chamber admin"),
        ("GET /api/v1/simulations/{unknown}/merchant-summary", "chamber admin"),
        ("GET /api/v1/simulations/{unknown}/scenario", "chamber admin"),
        ("GET /api/v1/simulations/{unknown}/csv/sectors.csv", "chamber admin"),
        ("POST /api/v1/simulations/scenarios", "chamber admin"),
        ("GET /api/v1/simulations/scenarios", "chamber admin"),
        ("GET /api/v1/simulations/scenarios/{unknown}", "chamber admin"),
        ("POST /api/v1/simulations/shop-check", "merchant otherMerchant chamber admin"),
        ("GET /api/v1/notifications", "resident"),
        ("GET /api/v1/analytics/circulation", "chamber admin"),
        ("GET /api/v1/analytics/circulation/scenario", "chamber admin"),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (route, _) in Routes)
        {
            foreach (var who in All.Split(' '))
            {
                data.Add(route, who);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_ForEachKindOfCaller_IsAllowedOnlyForItsRolesAndOwner(string route, string who)
    {
        var allowed = Routes.Single(r => r.Route == route).Allowed.Split(' ').Contains(who);
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]
            .Replace("{merchant}", fixture.MerchantId.ToString(), StringComparison.Ordinal)
            .Replace("{payment}", fixture.PaymentId.ToString(), StringComparison.Ordinal)
            .Replace("{resident}", fixture.ResidentId.ToString(), StringComparison.Ordinal)
            .Replace("{program}", fixture.Program, StringComparison.Ordinal)
            .Replace("{storeNumber}", "123456", StringComparison.Ordinal)
            .Replace("{unknown}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            // Small valid-looking bodies: an allowed caller gets past authorization to the rules (2xx/4xx but never 401/403).
            request.Content = JsonContent.Create(new
            {
                amount = 1,
                units = 1,
                programCode = fixture.Program,
                toMerchantId = fixture.OtherMerchantId,
                code = "00000000000000000000",
            });
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }

        // Event streams never end by themselves: read the status only.
        using var response = await fixture.Clients[who].SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var status = (int)response.StatusCode;
        if (status == 200 && response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            allowed.Should().BeTrue();
            return;
        }

        if (allowed)
        {
            status.Should().NotBe(401).And.NotBe(403).And.BeLessThan(500, await response.Content.ReadAsStringAsync());
        }
        else
        {
            status.Should().Be(who == "anonymous" ? 401 : 403, await response.Content.ReadAsStringAsync());
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        }
    }
}
