using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.TestDatabases;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests.Providers;

/// <summary>
/// The API's money paths over HTTP on every provider that is available: SQLite always, PostgreSQL when
/// TSUYAMA_TEST_POSTGRES names a server (otherwise these cases report skipped).
/// </summary>
public sealed class ProviderApiTests
{
    [ProviderTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pay_RefusesOverspend_ReplaysItsKey_AndVerifyStaysOk(DatabaseProvider provider)
    {
        await using var factory = await ProviderApiFactory.CreateAsync(provider);
        var api = new Api(factory);
        var program = await api.CreateProgramAsync();
        var resident = await api.ResidentAsync();
        var shop = await api.MerchantAsync();
        await api.BuyAsync(resident, program);
        var qr = await api.StoreQrAsync(shop.Id);

        var refused = await api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = qr, amount = 13_001 });
        var first = await api.PostAsync(resident.Client, "/api/v1/payments", new { qrPayload = qr, amount = 8_000 }, "pay-once");
        var retries = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            api.PostAsync(resident.Client, "/api/v1/payments", new { qrPayload = qr, amount = 8_000 }, "pay-once")));
        var verify = await (await api.AdminAsync()).GetFromJsonAsync<JsonObject>("/api/v1/ledger/verify");

        await Api.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "insufficient-balance");
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await Api.JsonAsync(first))["paymentId"]!.GetValue<Guid>();
        foreach (var retry in retries)
        {
            retry.StatusCode.Should().Be(HttpStatusCode.Created);
            (await Api.JsonAsync(retry))["paymentId"]!.GetValue<Guid>().Should().Be(id);
        }

        (await api.WalletTotalAsync(resident)).Should().Be(5_000);
        (await api.MerchantBalanceAsync(shop)).Should().Be(8_000);
        verify!["ok"]!.GetValue<bool>().Should().BeTrue(verify.ToJsonString());
    }

    [ProviderTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Settle_FourRunsAtOnce_PayTheShopOnce(DatabaseProvider provider)
    {
        await using var factory = await ProviderApiFactory.CreateAsync(provider);
        var api = new Api(factory);
        var cutoff = JapanTime.DateOf(ApiFactory.Start);
        var program = await api.CreateProgramAsync();
        var resident = await api.ResidentAsync();
        var shop = await api.MerchantAsync();
        await api.BuyAsync(resident, program);
        (await api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await api.StoreQrAsync(shop.Id), amount = 10_000 }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var admin = await api.AdminAsync();
        shop = await api.SignInAgainAsync(shop);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => api.PostAsync(admin, "/api/v1/settlements", new { cutoff }, $"settle-{i}")));

        runs.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        // A loser is told the cutoff is settled (409), or, on PostgreSQL, that it lost its serialization retries
        // (503 busy, nothing written); either way the shop is paid once, which the lines below check.
        runs.Where(r => r.StatusCode != HttpStatusCode.Created).Should()
            .OnlyContain(r => r.StatusCode == HttpStatusCode.Conflict || r.StatusCode == HttpStatusCode.ServiceUnavailable);
        var settlement = await Api.JsonAsync(runs.Single(r => r.StatusCode == HttpStatusCode.Created));
        settlement["points"]!.GetValue<long>().Should().Be(10_000);
        settlement["payoutYen"]!.GetValue<long>().Should().Be(9_850);
        (await api.MerchantBalanceAsync(shop)).Should().Be(0);
        (await admin.GetFromJsonAsync<JsonObject>("/api/v1/ledger/verify"))!["ok"]!.GetValue<bool>().Should().BeTrue();
    }
}
