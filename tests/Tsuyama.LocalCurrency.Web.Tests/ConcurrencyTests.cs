using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class ConcurrencyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Pay_FortyParallelPaymentsOf1000AgainstA13000Wallet_ExactlyThirteenSucceed()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var shop = await _api.MerchantAsync();
        await _api.BuyAsync(resident, program);
        var qr = await _api.StoreQrAsync(shop.Id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = qr, amount = 1_000 })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(13);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        refused.Should().HaveCount(27);
        foreach (var response in refused)
        {
            await Api.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "insufficient-balance");
        }

        (await _api.WalletTotalAsync(resident)).Should().Be(0);
        var verify = await (await _api.AdminAsync()).GetFromJsonAsync<JsonObject>("/api/v1/ledger/verify");
        verify!["ok"]!.GetValue<bool>().Should().BeTrue(verify.ToJsonString());
    }
}
