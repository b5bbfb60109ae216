using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Tsuyama.LocalCurrency.Benchmarks;

/// <summary>
/// Payments per second over real HTTP: the web host runs as its own process on 127.0.0.1 with a
/// fresh SQLite file; residents pay a store QR with their bearer tokens and Idempotency-Keys.
/// Client and server share the machine's cores, as a load test on one box does.
/// </summary>
public static class HttpPaymentBenchmark
{
    private const string Url = "http://127.0.0.1:5399";

    public static async Task<int> RunAsync(string[] args)
    {
        var payments = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        var webDll = Path.Combine(AppContext.BaseDirectory, "Tsuyama.LocalCurrency.Web.dll");
        var directory = Directory.CreateTempSubdirectory("tlc-http-bench-").FullName;
        var info = new ProcessStartInfo("dotnet", [webDll, "--urls", Url])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Ledger"] = $"Data Source={Path.Combine(directory, "ledger.db")}";
        info.Environment["Bootstrap__AdminEmail"] = "admin@bench.example";
        info.Environment["Bootstrap__AdminPassword"] = "BenchAdmin2026";
        info.Environment["RateLimiting__TokenPermitsPerMinute"] = "100000";
        // Production refuses unencrypted token-signing keys: a throw-away certificate, as an operator would configure one.
        info.Environment["DataProtection__CertificatePath"] = KeyRingCertificate(directory);
        info.Environment["DataProtection__CertificatePassword"] = "bench";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        using var server = Process.Start(info)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(Url) };
            await WaitForHealthAsync(http);
            var (residents, qr) = await SetUpAsync(http, residentCount: 32);
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
            foreach (var concurrency in new[] { 8, 32, 64 })
            {
                var (elapsed, created, other) = await PayAsync(http, residents, qr, payments, concurrency);
                Console.WriteLine($"HTTP payments: {payments:N0} with {concurrency,2} concurrent clients → {payments / elapsed.TotalSeconds,8:N0} payments/s ({created:N0} × 201, {other:N0} other, {elapsed.TotalSeconds:F2} s)");
            }

            return 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task WaitForHealthAsync(HttpClient http)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The web host did not become healthy in 30 s.");
    }

    private static async Task<(List<string> Tokens, string Qr)> SetUpAsync(HttpClient http, int residentCount)
    {
        // In Production the bootstrap Admin must choose its own password first.
        using (var change = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/password")
        {
            Content = JsonContent.Create(new { currentPassword = "BenchAdmin2026", newPassword = "BenchAdmin2027" }),
        })
        {
            change.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "admin@bench.example", "BenchAdmin2026"));
            (await http.SendAsync(change)).EnsureSuccessStatusCode();
        }

        var admin = await TokenAsync(http, "admin@bench.example", "BenchAdmin2027");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        await PostAsync(http, admin, "/api/v1/programs", new
        {
            code = "BENCH", name = "Benchmark", unitPriceYen = 10_000, pointsPerUnit = new { general = 600_000, smallBusiness = 700_000 },
            totalUnits = 1_000_000, maxUnitsPerResident = 1_000, salesFrom = today.AddDays(-1), salesUntil = today.AddDays(30),
            expiresOn = today.AddDays(180), redemptionFeeBasisPoints = 150, allowMerchantTransfers = true, merchantTransferFeeBasisPoints = 50,
        });
        var merchant = await PostAsync(http, admin, "/api/v1/merchants", new
        {
            name = "ベンチ商店", nameKana = "ベンチショウテン", nameRomaji = "Bench Shop", category = "5411", size = "small", postalCode = "7080000",
            ownerEmail = "shop@bench.example", ownerPassword = "BenchShop2026",
            payout = new { bankCode = "0168", branchCode = "101", accountType = "ordinary", accountNumber = "1234567", holderKana = "ベンチ" },
        });
        var merchantId = merchant["merchantId"]!.GetValue<Guid>();
        var qr = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/merchants/{merchantId}/qr?format=payload"))!["payload"]!.GetValue<string>();
        var tokens = new List<string>();
        for (var i = 0; i < residentCount; i++)
        {
            var email = $"r{i}@bench.example";
            var resident = await PostAsync(http, null, "/api/v1/residents", new { email, password = "BenchPass2026", displayName = "住民" });
            await PostAsync(http, admin, "/api/v1/purchases", new { programCode = "BENCH", units = 100, residentId = resident["residentId"]!.GetValue<Guid>() }, $"buy-{i}");
            tokens.Add(await TokenAsync(http, email, "BenchPass2026"));
        }

        return (tokens, qr);
    }

    private static async Task<(TimeSpan Elapsed, int Created, int Other)> PayAsync(HttpClient http, List<string> tokens, string qr, int count, int concurrency)
    {
        int next = -1, created = 0, other = 0;
        var run = Guid.NewGuid().ToString("N")[..8];
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments") { Content = JsonContent.Create(new { qrPayload = qr, amount = 100 }) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[i % tokens.Count]);
                request.Headers.Add("Idempotency-Key", $"{run}-{i}");
                using var response = await http.SendAsync(request);
                Interlocked.Increment(ref response.StatusCode == HttpStatusCode.Created ? ref created : ref other);
            }
        })));
        return (stopwatch.Elapsed, created, other);
    }

    private static string KeyRingCertificate(string directory)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=bench-keyring", rsa,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(directory, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "bench"));
        return path;
    }

    private static async Task<string> TokenAsync(HttpClient http, string email, string password) =>
        (await (await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();

    private static async Task<JsonObject> PostAsync(HttpClient http, string? token, string url, object body, string? key = null)
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

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(text)!.AsObject() : throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {text}");
    }
}
