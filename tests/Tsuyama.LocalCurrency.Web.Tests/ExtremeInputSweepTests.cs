using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>
/// DESIGN §8 "never 5xx for anything a client sends": every API route the host maps (read from its
/// endpoint data source, so a new route is swept without being listed) gets extreme dates, numbers,
/// lengths and encodings in its route, query and body parameters, as each kind of caller; no
/// response may be a 5xx and the ledger must not change.
/// </summary>
public sealed class ExtremeInputSweepTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    /// <summary>Query and body parameter names used by any route; a route ignores the ones it does not read.</summary>
    private static readonly string[] Names =
    [
        "from", "to", "format", "cutoff", "amount", "units", "programCode", "qrPayload", "code", "toMerchantId", "residentId", "email", "password",
        "displayName", "name", "nameKana", "nameRomaji", "category", "size", "postalCode", "ownerEmail", "ownerPassword", "unitPriceYen",
        "totalUnits", "maxUnitsPerResident", "salesFrom", "salesUntil", "expiresOn", "redemptionFeeBasisPoints", "allowMerchantTransfers",
        "merchantTransferFeeBasisPoints", "refundWindowDays", "refundGraceDays", "role", "runs", "scenario", "bankCode", "branchCode",
        "accountType", "accountNumber", "holderKana", "pointsPerUnit", "payout",
    ];

    private static readonly string[] Texts =
    [
        "0001-01-01", "9999-12-31", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "2026-02-30", "-1", "0",
        "9223372036854775807", "-9223372036854775808", "99999999999999999999999999", "1e400", "NaN", new string('9', 4000),
        new string('あ', 10_000), "\u0000\u0001\u001f", "\uFFFD\uFEFF", "😀🍞𠮷", "'; DROP TABLE Transfers; --", "../../etc/passwd", "%00%FF",
    ];

    private static readonly object[] Numbers = [long.MaxValue, long.MinValue, 0, -1, 1e300, int.MaxValue + 1L, decimal.MaxValue];

    private static readonly string[] RouteValues =
    [
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-guid", new string('1', 2000), "%F0%9F%98%80", "-1",
    ];

    [Fact]
    public async Task EveryRoute_WithExtremeRouteQueryAndBodyValues_NeverReturnsA5xxAndChangesNoLedgerRow()
    {
        var routes = fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: e.RoutePattern)))
            .Distinct().ToList();
        routes.Should().HaveCountGreaterThan(25);
        var before = await LedgerAsync();
        var failures = new List<string>();

        foreach (var (method, pattern) in routes)
        {
            foreach (var who in new[] { "admin", "merchant", "resident" })
            {
                var paths = RouteValues.Select(v => Path(pattern, v)).Append(Path(pattern, null)).Distinct();
                foreach (var path in paths)
                {
                    foreach (var value in Texts.Take(path == Path(pattern, null) ? Texts.Length : 2))
                    {
                        var query = string.Join('&', Names.Take(8).Select(n => $"{n}={Uri.EscapeDataString(value)}"));
                        await SendAsync(failures, who, method, $"{path}?{query}", Body(value));
                    }

                    foreach (var number in Numbers)
                    {
                        await SendAsync(failures, who, method, path, Body(number));
                    }
                }
            }
        }

        failures.Should().BeEmpty();
        (await LedgerAsync()).Should().Be(before);
    }

    private static string Path(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, string? value)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => value ?? Guid.NewGuid().ToString(),
                    _ => "",
                });
            }
        }

        return path.ToString();
    }

    private static string Body(object value)
    {
        var fields = Names.ToDictionary(n => n, object? (_) => value);
        fields["pointsPerUnit"] = new { general = value, smallBusiness = value };
        fields["payout"] = new { bankCode = value, branchCode = value, accountType = value, accountNumber = value, holderKana = value };
        fields["scenario"] = new { name = value, sectors = new[] { new { id = value, residentSpendShare = value } } };
        return JsonSerializer.Serialize(fields);
    }

    private async Task SendAsync(List<string> failures, string who, string method, string url, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }

        // Headers only: a live event stream that opened never ends, and its status is all that counts.
        using var response = await fixture.Clients[who].SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{(int)response.StatusCode} {method} {url[..Math.Min(url.Length, 160)]} as {who}, body {body[..Math.Min(body.Length, 80)]}: " +
                (await response.Content.ReadAsStringAsync())[..Math.Min(200, (int)(response.Content.Headers.ContentLength ?? 200))]);
        }
    }

    private Task<string> LedgerAsync() => fixture.WithDbAsync(async db =>
        $"{await db.Transfers.CountAsync()}|{await db.Balances.Where(b => b.Amount > 0).SumAsync(b => b.Amount)}|{await db.Payments.CountAsync()}" +
        $"|{await db.Refunds.CountAsync()}|{await db.MerchantTransfers.CountAsync()}|{await db.Settlements.CountAsync()}|{await db.Merchants.CountAsync()}" +
        $"|{await db.Programs.CountAsync()}");
}
