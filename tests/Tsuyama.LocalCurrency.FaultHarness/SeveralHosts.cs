using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.FaultHarness;

/// <summary>
/// Several web host processes on one database, as a city that outgrew one machine runs them. The database is
/// migrated once (as the operator does with the CLI), then the hosts start one after another; the first one
/// creates the bootstrap Admin. Everything else goes through the HTTP API of whichever host is named.
/// </summary>
public sealed class SeveralHosts : IAsyncDisposable
{
    public const string ProgramCode = "HOSTS";

    private readonly List<WebHostProcess> _hosts;
    private readonly List<HttpClient> _clients = [];
    private HttpClient[] _admins = [];
    private int _residents;

    private SeveralHosts(DatabaseOptions database, List<WebHostProcess> hosts)
    {
        Database = database;
        _hosts = hosts;
    }

    public DatabaseOptions Database { get; }
    public IReadOnlyList<WebHostProcess> Hosts => _hosts;
    public static DateOnly Today => JapanTime.Today(TimeProvider.System);

    /// <param name="settings">Configuration for every host, e.g. job schedules.</param>
    public static async Task<SeveralHosts> StartAsync(
        DatabaseOptions database,
        string directory,
        int count,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        Directory.CreateDirectory(directory);
        await using (var ledger = new LedgerFile(database))
        {
            await ledger.MigrateAsync();
        }

        var hosts = Enumerable.Range(0, count).Select(_ => new WebHostProcess(database, directory, settings)).ToList();
        var several = new SeveralHosts(database, hosts);
        try
        {
            foreach (var host in hosts)
            {
                await host.StartAsync();
            }

            var token = await TokenAsync(several.Anonymous(0), WebHostProcess.AdminEmail, WebHostProcess.AdminPassword);
            several._admins = [.. hosts.Select((_, i) => several.Client(i, token))];
            return several;
        }
        catch
        {
            await several.DisposeAsync();
            throw;
        }
    }

    public HttpClient Admin(int host) => _admins[host];

    public HttpClient Anonymous(int host) => Track(new HttpClient { BaseAddress = _hosts[host].BaseAddress, Timeout = TimeSpan.FromSeconds(60) });

    public HttpClient Client(int host, string token)
    {
        var client = Anonymous(host);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task CreateProgramAsync(int host = 0) =>
        await MustAsync(await PostAsync(Admin(host), "/api/v1/programs", new
        {
            code = ProgramCode,
            name = "津山プレミアム商品券",
            unitPriceYen = 10_000,
            pointsPerUnit = new { general = 6_000, smallBusiness = 7_000 },
            totalUnits = 1_000_000,
            maxUnitsPerResident = 100,
            salesFrom = Today.AddDays(-10),
            salesUntil = Today.AddDays(30),
            expiresOn = Today.AddDays(180),
            redemptionFeeBasisPoints = 150,
            allowMerchantTransfers = true,
            merchantTransferFeeBasisPoints = 50,
        }, Guid.NewGuid().ToString("N")));

    /// <summary>A small shop; returns its id and the payload of its store QR.</summary>
    public async Task<(Guid Id, string Qr)> RegisterShopAsync(int host = 0)
    {
        var n = Interlocked.Increment(ref _residents);
        var created = await MustAsync(await PostAsync(
            Admin(host), "/api/v1/merchants", ShopRegistration.SmallShop(n, $"m{n}-{Guid.NewGuid():N}@hosts.example"), Guid.NewGuid().ToString("N")));
        var id = created["merchantId"]!.GetValue<Guid>();
        var qr = (await Anonymous(host).GetFromJsonAsync<JsonObject>($"/api/v1/merchants/{id}/qr?format=payload"))!["payload"]!.GetValue<string>();
        return (id, qr);
    }

    /// <summary>A verified resident who bought <paramref name="units"/> units at the counter (13,000 points each); one signed-in client per host.</summary>
    public async Task<(Guid Id, HttpClient[] PerHost)> ResidentWithPointsAsync(int units, int host = 0)
    {
        var email = $"r{Interlocked.Increment(ref _residents)}-{Guid.NewGuid():N}@hosts.example";
        var registered = await MustAsync(
            await PostAsync(Anonymous(host), "/api/v1/residents", new { email, password = "ResidentPass1", displayName = "住民" }, null));
        var residentId = registered["residentId"]!.GetValue<Guid>();
        await MustAsync(
            await PostAsync(Admin(host), $"/api/v1/residents/{residentId}/verification", new { method = "my-number-card", checkedOn = Today }, null));
        await MustAsync(await PostAsync(Admin(host), "/api/v1/purchases",
            new { residentId, programCode = ProgramCode, units, paidYen = units * 10_000L, paymentMethod = "cash" }, Guid.NewGuid().ToString("N")));
        var token = await TokenAsync(Anonymous(host), email, "ResidentPass1");
        return (residentId, [.. _hosts.Select((_, i) => Client(i, token))]);
    }

    /// <summary>
    /// Pays as a client does: a 503 (busy: nothing was written) is sent again with the same key until the
    /// answer is final. Returns the final status and body.
    /// </summary>
    public static async Task<(HttpStatusCode Status, JsonObject Body)> PayAsync(HttpClient client, string qr, long amount, string key)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await PostAsync(client, "/api/v1/payments", new { qrPayload = qr, amount }, key);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 20)
            {
                return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text)!.AsObject() : []);
            }

            await Task.Delay(Random.Shared.Next(5, 50));
        }
    }

    /// <summary>
    /// Payments/s over HTTP: <paramref name="clientsPerHost"/> residents per host each pay 1 point in a loop for
    /// <paramref name="duration"/>. Every answer must be 201.
    /// </summary>
    public async Task<double> MeasurePaymentsPerSecondAsync(int clientsPerHost, TimeSpan duration, TimeSpan warmUp)
    {
        var shops = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            shops.Add((await RegisterShopAsync()).Qr);
        }

        var clients = new List<HttpClient>();
        for (var i = 0; i < clientsPerHost * _hosts.Count; i++)
        {
            clients.Add((await ResidentWithPointsAsync(units: 10)).PerHost[i % _hosts.Count]);
        }

        long counted = 0;
        var measuring = false;
        using var stop = new CancellationTokenSource();
        var workers = clients.Select((client, i) => Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var (status, body) = await PayAsync(client, shops[(i + n++) % shops.Count], 1, Guid.NewGuid().ToString("N"));
                if (status != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"A payment answered {(int)status}: {body.ToJsonString()}");
                }

                if (Volatile.Read(ref measuring))
                {
                    Interlocked.Increment(ref counted);
                }
            }
        })).ToList();

        await Task.Delay(warmUp);
        var watch = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        var seconds = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        return Interlocked.Read(ref counted) / seconds;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> MustAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!.AsObject()
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
    }

    private static async Task<string> TokenAsync(HttpClient anonymous, string email, string password) =>
        (await MustAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password })))["accessToken"]!.GetValue<string>();

    private HttpClient Track(HttpClient client)
    {
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
