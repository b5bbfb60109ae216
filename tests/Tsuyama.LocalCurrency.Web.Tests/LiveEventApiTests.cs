using System.Net;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class LiveEventApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    /// <summary>An open text/event-stream, read event by event.</summary>
    private sealed class Stream(HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public HttpResponseMessage Response => response;

        public static async Task<Stream> OpenAsync(HttpClient client, string url)
        {
            var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), HttpCompletionOption.ResponseHeadersRead);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
            var stream = new Stream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
            (await stream.LineAsync()).Should().Be(": connected", "the subscription is open once this arrives");
            return stream;
        }

        /// <returns>The next event's name and data, skipping comments.</returns>
        public async Task<(string Event, JsonObject Data)?> NextAsync()
        {
            string? name = null;
            while (await LineAsync() is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
                {
                    return (name, JsonNode.Parse(line[6..])!.AsObject());
                }
            }

            return null;
        }

        public async Task<string?> LineAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await reader.ReadLineAsync(timeout.Token);
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
        }
    }

    private async Task<(Party Resident, Party Shop)> FundedAsync()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var shop = await _api.MerchantAsync();
        await _api.BuyAsync(resident, program);
        return (resident, shop);
    }

    [Fact]
    public async Task ShopEvents_ShowAnIncomingPaymentWithTodaysTotals()
    {
        var (resident, shop) = await FundedAsync();
        using var events = await Stream.OpenAsync(shop.Client, "/api/v1/merchant/events");

        var paid = await Api.JsonAsync(await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await _api.StoreQrAsync(shop.Id), amount = 2_400 }));
        var e = await events.NextAsync();

        e!.Value.Event.Should().Be("payment-received");
        e.Value.Data["amount"]!.GetValue<long>().Should().Be(2_400);
        e.Value.Data["displayNumber"]!.GetValue<string>().Should().Be(paid["displayNumber"]!.GetValue<string>());
        e.Value.Data["todayCount"]!.GetValue<int>().Should().Be(1);
        e.Value.Data["todayAmount"]!.GetValue<long>().Should().Be(2_400);
    }

    [Fact]
    public async Task ResidentEvents_TellTheResidentTheirCodeWasCharged()
    {
        var (resident, shop) = await FundedAsync();
        var code = await Api.JsonAsync(await _api.PostAsync(resident.Client, "/api/v1/payment-codes", null));
        using var events = await Stream.OpenAsync(resident.Client, "/api/v1/events");

        (await _api.PostMovingAsync(shop.Client, "/api/v1/merchant/charges", new { code = code["code"]!.GetValue<string>(), amount = 800 }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var e = await events.NextAsync();

        e!.Value.Event.Should().Be("code-charged");
        e.Value.Data["amount"]!.GetValue<long>().Should().Be(800);
        e.Value.Data["storeName"]!.GetValue<string>().Should().Be("城下町ベーカリー");
    }

    [Fact]
    public async Task PaymentRequestEvents_StartPendingThenFlipToPaidAndEnd()
    {
        var (resident, shop) = await FundedAsync();
        var request = await Api.JsonAsync(await _api.PostAsync(shop.Client, "/api/v1/merchant/payment-requests", new { amount = 1_100 }));
        using var events = await Stream.OpenAsync(shop.Client, $"/api/v1/merchant/payment-requests/{request["requestId"]}/events");

        var status = await events.NextAsync();
        (await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = request["payload"]!.GetValue<string>() }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var paid = await events.NextAsync();

        status!.Value.Event.Should().Be("status");
        status.Value.Data["status"]!.GetValue<string>().Should().Be("pending");
        paid!.Value.Event.Should().Be("payment-request-paid");
        paid.Value.Data["amount"]!.GetValue<long>().Should().Be(1_100);
        (await events.NextAsync()).Should().BeNull("a paid request will not change again");
    }

    [Fact]
    public async Task PaymentRequestEvents_OfAnotherShop_IsNotFound()
    {
        var shop = await _api.MerchantAsync();
        var other = await _api.MerchantAsync();
        var request = await Api.JsonAsync(await _api.PostAsync(shop.Client, "/api/v1/merchant/payment-requests", new { amount = 100 }));

        await Api.ProblemAsync(await other.Client.GetAsync($"/api/v1/merchant/payment-requests/{request["requestId"]}/events"), HttpStatusCode.NotFound, "not-found");
    }
}
