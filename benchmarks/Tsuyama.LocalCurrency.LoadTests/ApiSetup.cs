using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.LoadTests;

/// <summary>What the load needs, created through the API as an operator and residents would: a program, a shop, funded residents.</summary>
internal sealed record LoadFixture(string AdminToken, Guid MerchantId, string StoreQr, IReadOnlyList<string> ResidentTokens);

internal static class ApiSetup
{
    private const string AdminPassword = "LoadAdmin2027";

    public static async Task<LoadFixture> CreateAsync(HttpClient http, int residentCount)
    {
        // In Production the bootstrap Admin must choose its own password first.
        await SendAsync(http, await TokenAsync(http, WebHost.AdminEmail, WebHost.FirstPassword), "/api/v1/auth/password",
            new { currentPassword = WebHost.FirstPassword, newPassword = AdminPassword });
        var admin = await TokenAsync(http, WebHost.AdminEmail, AdminPassword);
        var today = JapanTime.Today(TimeProvider.System);
        await SendAsync(http, admin, "/api/v1/programs", new
        {
            code = "LOAD", name = "Load test", unitPriceYen = 10_000, pointsPerUnit = new { general = 600_000, smallBusiness = 700_000 },
            totalUnits = 10_000_000, maxUnitsPerResident = 1_000, salesFrom = today.AddDays(-1), salesUntil = today.AddDays(30),
            expiresOn = today.AddDays(180), redemptionFeeBasisPoints = 150, allowMerchantTransfers = true, merchantTransferFeeBasisPoints = 50,
        });
        var merchant = await SendAsync(http, admin, "/api/v1/merchants", new
        {
            name = "負荷商店", nameKana = "フカショウテン", nameRomaji = "Load Shop", category = "5411", size = "small", postalCode = "7080000",
            ownerEmail = "shop@load.example", ownerPassword = "LoadShop2026",
            payout = new { bankCode = "0168", branchCode = "101", accountType = "ordinary", accountNumber = "1234567", holderKana = "フカ" },
        });
        var merchantId = merchant["merchantId"]!.GetValue<Guid>();
        var qr = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/merchants/{merchantId}/qr?format=payload"))!["payload"]!.GetValue<string>();
        var tokens = new List<string>();
        for (var i = 0; i < residentCount; i++)
        {
            var email = $"r{i}@load.example";
            var resident = await SendAsync(http, null, "/api/v1/residents", new { email, password = "LoadPass2026", displayName = "住民" });
            var residentId = resident["residentId"]!.GetValue<Guid>();
            await SendAsync(http, admin, $"/api/v1/residents/{residentId}/verification", new { method = "my-number-card", checkedOn = "2026-01-01" });
            await SendAsync(http, admin, "/api/v1/purchases",
                new { programCode = "LOAD", units = 100, residentId, paidYen = 1_000_000, paymentMethod = "cash" }, $"buy-{i}");
            tokens.Add(await TokenAsync(http, email, "LoadPass2026"));
        }

        return new LoadFixture(admin, merchantId, qr, tokens);
    }

    public static async Task<JsonObject> GetAsync(HttpClient http, string token, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await ReadAsync(await http.SendAsync(request), url);
    }

    private static async Task<string> TokenAsync(HttpClient http, string email, string password) =>
        (await ReadAsync(await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password }), "/api/v1/auth/token"))["accessToken"]!.GetValue<string>();

    private static async Task<JsonObject> SendAsync(HttpClient http, string? token, string url, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await ReadAsync(await http.SendAsync(request), url);
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, string url)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode
                ? (text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject())
                : throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {text}");
        }
    }
}
