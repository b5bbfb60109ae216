using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.FaultHarness;

public sealed record CrashReport(
    int Rounds,
    int Acknowledged,
    int Retried,
    int Replayed,
    int Refused,
    long Payments,
    IReadOnlyList<string> Problems,
    LedgerTotals Totals)
{
    public override string ToString() =>
        $"rounds {Rounds}, payments acknowledged {Acknowledged:N0}, answers lost and retried {Retried:N0}, acknowledged replays {Replayed:N0}, " +
        $"refusals {Refused:N0}, payments stored {Payments:N0}, problems {Problems.Count}{Environment.NewLine}{Totals}" +
        string.Concat(Problems.Select(p => Environment.NewLine + "  PROBLEM: " + p));
}

/// <summary>
/// Jepsen-style loop: clients pay through the real web host (a separate process on a SQLite file);
/// the host is killed with SIGKILL at a random moment; after a restart on the same file every
/// acknowledged payment must exist, every request whose answer was lost is retried with its key,
/// replays of acknowledged requests must answer the same payment, points must add up and verify
/// must pass.
/// </summary>
/// <param name="database">The ledger (a server database is migrated first); by default a SQLite file in <paramref name="directory"/>.</param>
public sealed class CrashLoop(string directory, int clients, int seed, Action<string> log, Persistence.DatabaseOptions? database = null)
{
    private readonly Persistence.DatabaseOptions _database = database ?? Persistence.DatabaseOptions.Sqlite(Path.Combine(directory, "ledger.db"));
    private readonly Random _random = new(seed);
    private readonly ConcurrentDictionary<string, Guid> _acknowledged = new();
    private readonly ConcurrentDictionary<string, (HttpClient Client, object Body)> _sent = new();
    private readonly List<string> _problems = [];
    private string[] _qr = [];
    private HttpClient[] _residents = [];
    private int _retried;
    private int _replayed;
    private int _refused;

    public async Task<CrashReport> RunAsync(int rounds)
    {
        Directory.CreateDirectory(directory);
        if (_database.Provider != Persistence.DatabaseProvider.Sqlite)
        {
            await using var migrator = new LedgerFile(_database);
            await migrator.MigrateAsync();
        }

        using var host = new WebHostProcess(_database, directory);
        await host.StartAsync();
        await SetUpAsync(host);
        for (var round = 1; round <= rounds; round++)
        {
            var lost = await PayUntilKilledAsync(host, TimeSpan.FromMilliseconds(_random.Next(150, 1_500)));
            await host.StartAsync();
            await RetryAsync(lost);
            await CheckAsync(host, round);
            log($"round {round}: {_acknowledged.Count:N0} acknowledged, {lost.Count} answers lost, problems {_problems.Count}");
        }

        await using var ledger = new LedgerFile(_database);
        var totals = await ledger.TotalsAsync();
        var payments = await ledger.WithDbAsync(db => db.Payments.LongCountAsync());
        host.Kill();
        return new CrashReport(rounds, _acknowledged.Count, _retried, _replayed, _refused, payments, _problems, totals);
    }

    private async Task SetUpAsync(WebHostProcess host)
    {
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        var admin = Client(host, await TokenAsync(anonymous, WebHostProcess.AdminEmail, WebHostProcess.AdminPassword));
        var today = JapanTime.Today(TimeProvider.System);
        await MustAsync(await PostAsync(admin, "/api/v1/programs", new
        {
            code = "CRASH",
            name = "津山プレミアム商品券",
            unitPriceYen = 10_000,
            pointsPerUnit = new { general = 6_000, smallBusiness = 7_000 },
            totalUnits = 1_000_000,
            maxUnitsPerResident = 100,
            salesFrom = today.AddDays(-10),
            salesUntil = today.AddDays(30),
            expiresOn = today.AddDays(180),
            redemptionFeeBasisPoints = 150,
            allowMerchantTransfers = true,
            merchantTransferFeeBasisPoints = 50,
        }, Guid.NewGuid().ToString("N")));

        var qr = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var created = await MustAsync(await PostAsync(
                admin, "/api/v1/merchants", ShopRegistration.SmallShop(i, $"m{i}@harness.example"), Guid.NewGuid().ToString("N")));
            var id = created["merchantId"]!.GetValue<Guid>();
            qr.Add((await anonymous.GetFromJsonAsync<JsonObject>($"/api/v1/merchants/{id}/qr?format=payload"))!["payload"]!.GetValue<string>());
        }

        var residents = new List<HttpClient>();
        for (var i = 0; i < clients; i++)
        {
            var email = $"r{i}@harness.example";
            var registered = await MustAsync(
                await PostAsync(anonymous, "/api/v1/residents", new { email, password = "ResidentPass1", displayName = "住民" }, null));
            var residentId = registered["residentId"]!.GetValue<Guid>();
            var resident = Client(host, await TokenAsync(anonymous, email, "ResidentPass1"));
            // Points come only from a counter sale: staff check the resident, then record the yen.
            await MustAsync(await PostAsync(admin, $"/api/v1/residents/{residentId}/verification", new { method = "my-number-card", checkedOn = today }, null));
            await MustAsync(await PostAsync(admin, "/api/v1/purchases",
                new { residentId, programCode = "CRASH", units = 50, paidYen = 500_000, paymentMethod = "cash" }, Guid.NewGuid().ToString("N")));
            residents.Add(resident);
        }

        (_qr, _residents) = ([.. qr], [.. residents]);
    }

    /// <summary>Every client pays in a loop; the host dies after <paramref name="after"/>. Returns the requests whose answer was lost.</summary>
    private async Task<List<(HttpClient Client, string Key, object Body)>> PayUntilKilledAsync(WebHostProcess host, TimeSpan after)
    {
        var lost = new ConcurrentBag<(HttpClient, string, object)>();
        var seeds = Enumerable.Range(0, _residents.Length).Select(_ => _random.Next()).ToArray();
        var workers = _residents.Select((client, i) => Task.Run(async () =>
        {
            var random = new Random(seeds[i]);
            while (true)
            {
                var key = Guid.NewGuid().ToString("N");
                var body = new { qrPayload = _qr[random.Next(_qr.Length)], amount = random.Next(1, 300) };
                _sent[key] = (client, body);
                HttpResponseMessage response;
                try
                {
                    response = await PostAsync(client, "/api/v1/payments", body, key);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    lost.Add((client, key, body));
                    return;
                }

                await RecordAsync(response, key, "payment");
            }
        })).ToList();

        await Task.Delay(after);
        host.Kill();
        await Task.WhenAll(workers);
        return [.. lost];
    }

    private async Task RetryAsync(List<(HttpClient Client, string Key, object Body)> lost)
    {
        foreach (var (client, key, body) in lost)
        {
            _retried++;
            await RecordAsync(await PostAsync(client, "/api/v1/payments", body, key), key, "retry");
        }
    }

    private async Task RecordAsync(HttpResponseMessage response, string key, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.Created)
        {
            var id = JsonNode.Parse(text)!["paymentId"]!.GetValue<Guid>();
            if (_acknowledged.TryGetValue(key, out var earlier) && earlier != id)
            {
                Problem($"{what} with key {key} answered payment {id} after {earlier}");
            }

            _acknowledged[key] = id;
        }
        else if ((int)response.StatusCode is >= 400 and < 500 && response.StatusCode != HttpStatusCode.Conflict)
        {
            Interlocked.Increment(ref _refused);
        }
        else
        {
            Problem($"{what} answered {(int)response.StatusCode}: {text}");
        }
    }

    private async Task CheckAsync(WebHostProcess host, int round)
    {
        // Replays of acknowledged requests must answer the same payment and add nothing.
        await using var ledger = new LedgerFile(_database);
        var before = await ledger.WithDbAsync(db => db.Payments.LongCountAsync());
        var sample = _acknowledged.Keys.OrderBy(_ => _random.Next()).Take(10).ToList();
        foreach (var key in sample)
        {
            var (client, body) = _sent[key];
            await RecordAsync(await PostAsync(client, "/api/v1/payments", body, key), key, "replay");
            _replayed++;
        }

        var stored = await ledger.WithDbAsync(db => db.Payments.Select(p => p.Id).ToListAsync());
        if (stored.Count != before)
        {
            Problem($"round {round}: replays added {stored.Count - before} payments");
        }

        var known = _acknowledged.Values.ToHashSet();
        foreach (var missing in known.Except(stored))
        {
            Problem($"round {round}: acknowledged payment {missing} is not in the ledger");
        }

        foreach (var unknown in stored.Except(known))
        {
            Problem($"round {round}: payment {unknown} exists but no client was answered it (a duplicate or lost answer never retried)");
        }

        var totals = await ledger.TotalsAsync();
        if (!totals.Balanced)
        {
            Problem($"round {round}: {totals}");
        }

        foreach (var problem in await ledger.VerifyAsync())
        {
            Problem($"round {round}: verify: {problem}");
        }
    }

    private void Problem(string text)
    {
        lock (_problems)
        {
            _problems.Add(text);
        }
    }

    private static HttpClient Client(WebHostProcess host, string token)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient anonymous, string email, string password)
    {
        var response = await MustAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password }));
        return response["accessToken"]!.GetValue<string>();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    private static async Task<JsonObject> MustAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!.AsObject()
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
    }
}
