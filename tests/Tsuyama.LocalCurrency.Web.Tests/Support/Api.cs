using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Web.Tests.Support;

/// <summary>Test-side client: sign-ins, set-up through the API itself, and JSON helpers.</summary>
public sealed class Api(ApiFactory factory)
{
    private int _keys;

    public ApiFactory Factory => factory;

    public HttpClient Anonymous() => factory.CreateClient();

    public HttpClient As(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> TokenAsync(string email, string password)
    {
        var response = await Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    public Task<string> AdminTokenAsync() => TokenAsync(ApiFactory.AdminEmail, ApiFactory.AdminPassword);

    public async Task<HttpClient> AdminAsync() => As(await AdminTokenAsync());

    public string NewKey() => $"test-key-{Interlocked.Increment(ref _keys)}-{Guid.NewGuid():N}";

    public async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body ?? new { }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostMovingAsync(HttpClient client, string url, object? body) => PostAsync(client, url, body, NewKey());

    public async Task<string> CreateProgramAsync(string? code = null, int maxPerResident = 10, bool allowTransfers = true)
    {
        code ??= $"P{Guid.NewGuid():N}"[..12];
        var today = JapanTime.Today(factory.Clock);
        var response = await PostAsync(await AdminAsync(), "/api/v1/programs", new
        {
            code,
            name = "津山プレミアム商品券",
            unitPriceYen = 10_000,
            pointsPerUnit = new { general = 6_000, smallBusiness = 7_000 },
            totalUnits = 100_000,
            maxUnitsPerResident = maxPerResident,
            salesFrom = today.AddDays(-10),
            salesUntil = today.AddDays(30),
            expiresOn = today.AddDays(180),
            redemptionFeeBasisPoints = 150,
            allowMerchantTransfers = allowTransfers,
            merchantTransferFeeBasisPoints = 50,
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return code;
    }

    public async Task<Party> ResidentAsync()
    {
        var email = $"r{Guid.NewGuid():N}@test.example";
        const string password = "ResidentPass1";
        var response = await PostAsync(Anonymous(), "/api/v1/residents", new { email, password, displayName = "津山 花子" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await JsonAsync(response))["residentId"]!.GetValue<Guid>();
        return new Party(id, As(await TokenAsync(email, password)), email, password);
    }

    public async Task<Party> MerchantAsync(string size = "small")
    {
        var email = $"m{Guid.NewGuid():N}@test.example";
        const string password = "MerchantPass1";
        var response = await PostAsync(await AdminAsync(), "/api/v1/merchants", new
        {
            name = "城下町ベーカリー",
            nameKana = "ジョウカマチベーカリー",
            nameRomaji = "Jokamachi Bakery",
            category = "5462",
            size,
            postalCode = "708-0022",
            ownerEmail = email,
            ownerPassword = password,
            payout = new { bankCode = "0168", branchCode = "101", accountType = "ordinary", accountNumber = "1234567", holderKana = "ジョウカマチベーカリー" },
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await JsonAsync(response))["merchantId"]!.GetValue<Guid>();
        return new Party(id, As(await TokenAsync(email, password)), email, password);
    }

    /// <summary>Signs in again, e.g. after the fake clock moved past the token's lifetime.</summary>
    public async Task<Party> SignInAgainAsync(Party party) => party with { Client = As(await TokenAsync(party.Email, party.Password)) };

    /// <summary>Counter staff (here the Admin) record the identity and residence check a purchase needs.</summary>
    public async Task VerifyAsync(Guid resident, HttpClient? staff = null)
    {
        var today = JapanTime.Today(factory.Clock);
        var response = await PostAsync(staff ?? await AdminAsync(), $"/api/v1/residents/{resident}/verification", new { method = "my-number-card",
            checkedOn = today });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A walk-in counter sale at ¥10,000 a unit: the resident is verified, then the yen is recorded.</summary>
    public async Task<JsonObject> BuyAsync(Party resident, string program, int units = 1)
    {
        await VerifyAsync(resident.Id);
        var response = await PostMovingAsync(await AdminAsync(), "/api/v1/purchases",
            new { residentId = resident.Id, programCode = program, units, paidYen = units * 10_000L, paymentMethod = "cash" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    /// <summary>A staff user of the given role, signed in.</summary>
    public async Task<HttpClient> StaffAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}{Guid.NewGuid():N}@test.example";
        var response = await PostAsync(await AdminAsync(), "/api/v1/staff", new { email, password = "StaffPass2026", role });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return As(await TokenAsync(email, "StaffPass2026"));
    }

    public async Task<string> StoreQrAsync(Guid merchant) =>
        (await Anonymous().GetFromJsonAsync<JsonObject>($"/api/v1/merchants/{merchant}/qr?format=payload"))!["payload"]!.GetValue<string>();

    public async Task<long> WalletTotalAsync(Party resident) =>
        (await resident.Client.GetFromJsonAsync<JsonObject>("/api/v1/wallet"))!["total"]!.GetValue<long>();

    public async Task<long> MerchantBalanceAsync(Party merchant) =>
        (await merchant.Client.GetFromJsonAsync<JsonObject>("/api/v1/merchant/account"))!["balance"]!.GetValue<long>();

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Asserts an RFC 7807 body with the given status and stable type suffix.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string typeSuffix)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(text)!.AsObject();
        problem["type"]!.GetValue<string>().Should().EndWith("/" + typeSuffix);
        return problem;
    }
}

public sealed record Party(Guid Id, HttpClient Client, string Email, string Password);

internal static class JsonOptions
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
