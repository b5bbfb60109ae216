using System.Globalization;
using System.Text;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>
/// Extends <see cref="MalformedInputSweepTests"/> with generated bodies (CsCheck, fixed seed; set
/// CsCheck_Seed to replay a printed one): random JSON of the routes' own field names with wrong
/// types, huge and Unicode strings, negative, zero and overflowing numbers, missing and extra
/// fields, and truncated JSON, to every POST route as every kind of caller. Never a 5xx, and no
/// balance moves (the bodies name no real program, shop or past cutoff), checked with verify.
/// </summary>
public sealed class RandomJsonSweepTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    public const int BodiesPerRoute = 12;

    private static readonly string[] PostRoutes =
    [
        "/api/v1/auth/token", "/api/v1/residents", "/api/v1/merchants", "/api/v1/programs", "/api/v1/staff", "/api/v1/purchases",
        "/api/v1/merchant/payment-requests", "/api/v1/payments", "/api/v1/payment-codes", "/api/v1/merchant/charges",
        "/api/v1/payments/{payment}/refunds", "/api/v1/merchant/transfers", "/api/v1/settlements", "/api/v1/simulations",
    ];

    private static readonly string[] Fields =
    [
        "amount", "units", "programCode", "qrPayload", "code", "toMerchantId", "cutoff", "email", "password", "displayName", "name", "nameKana",
        "nameRomaji", "category", "size", "postalCode", "ownerEmail", "ownerPassword", "payout", "bankCode", "branchCode", "accountType",
        "accountNumber", "holderKana", "scenario", "runs", "role", "unitPriceYen", "pointsPerUnit", "general", "smallBusiness", "totalUnits",
        "maxUnitsPerResident", "salesFrom", "salesUntil", "expiresOn", "redemptionFeeBasisPoints", "allowMerchantTransfers",
        "merchantTransferFeeBasisPoints", "Amount", "__proto__", "",
    ];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.OneOf<string>("", " ", "0", "-1", "null", "true", "2026-02-30", "2099-12-31", "0001-01-01", "9999-99-99", "large", "small", "Admin", "Chamber",
            "a@b", "x@example.jp", "\\u0000", "\\ud800", "\\u202e", "😀", "津山", "ｶﾞ", "0002010102", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "<script>", "' OR 1=1 --", "%00", "\\\\"),
        Gen.String.Select(s => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)),
        Gen.Int[1, 4].Select(n => new string('津', n * 20_000)));

    private static readonly Gen<string> Number = Gen.OneOf(
        Gen.OneOf<string>("0", "-0", "-1", "1", "1.5", "1e400", "-1e400", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "2147483648", "1000001", "10000", "1E2", "0.0000001"),
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)));

    private static readonly Gen<string> Scalar = Gen.OneOf(Text.Select(t => $"\"{t}\""), Number, Gen.OneOf<string>("true", "false", "null"));

    private static readonly Gen<string> Value = Gen.Recursive<string>((depth, value) => depth >= 3
        ? Scalar
        : Gen.OneOf(Scalar, Scalar, Scalar,
            value.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]"),
            Gen.Select(Gen.OneOf<string>(Fields), value).Array[0, 5].Select(Object)));

    private static readonly Gen<string> Body = Gen.OneOf(
        Gen.Select(Gen.OneOf<string>(Fields), Value).Array[0, 12].Select(Object),
        Gen.Select(Gen.OneOf<string>(Fields), Value).Array[1, 8].Select(Object).SelectMany(json => Gen.Int[0, json.Length].Select(cut => json[..cut])),
        Value);

    [Fact]
    public async Task Post_WithGeneratedBodies_AsEveryCaller_NeverReturnsA5xx_NorMovesAPoint()
    {
        var before = await BalancesAsync();
        var callers = fixture.Clients.Keys.ToArray();
        var sent = 0;
        var cases = Gen.Select(Gen.Int[0, PostRoutes.Length - 1], Gen.Int[0, callers.Length - 1], Body);
        await cases.SampleAsync(async (route, who, body) =>
        {
            var path = PostRoutes[route].Replace("{payment}", fixture.PaymentId.ToString(), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));

            var response = await fixture.Clients[callers[who]].SendAsync(request);

            Interlocked.Increment(ref sent);
            ((int)response.StatusCode).Should().BeLessThan(500, $"{path} as {callers[who]}: {await response.Content.ReadAsStringAsync()}");
        }, iter: BodiesPerRoute * PostRoutes.Length * callers.Length, threads: 1, seed: Environment.GetEnvironmentVariable("CsCheck_Seed") ?? "0000000000041",
            print: t => $"{PostRoutes[t.Item1]} as {callers[t.Item2]}: {t.Item3[..Math.Min(t.Item3.Length, 300)]}");

        sent.Should().Be(BodiesPerRoute * PostRoutes.Length * callers.Length);
        (await BalancesAsync()).Should().BeEquivalentTo(before, "no generated body may move points");
        var verify = await Api.JsonAsync(await fixture.Clients["admin"].GetAsync("/api/v1/ledger/verify"));
        verify["ok"]!.GetValue<bool>().Should().BeTrue(verify.ToJsonString());
    }

    private static string Object((string Field, string Value)[] members) =>
        "{" + string.Join(",", members.Select(m => $"\"{m.Field}\":{m.Value}")) + "}";

    private Task<Dictionary<string, long>> BalancesAsync() =>
        fixture.WithDbAsync(db => db.Balances.AsNoTracking().ToDictionaryAsync(b => $"{b.AccountId}/{b.ProgramId}/{b.Kind}", b => b.Amount));
}
