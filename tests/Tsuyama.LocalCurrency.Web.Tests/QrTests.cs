using System.Net;
using System.Text;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class QrTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task StoreQrPng_ReadByAnIndependentReader_IsByteIdenticalToThePayload()
    {
        var shop = await _api.MerchantAsync();
        var payload = await _api.StoreQrAsync(shop.Id);

        var response = await _api.Anonymous().GetAsync($"/api/v1/merchants/{shop.Id}/qr");
        var read = ZxingReader.Read(await response.Content.ReadAsByteArrayAsync());

        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        Encoding.UTF8.GetBytes(read!).Should().Equal(Encoding.UTF8.GetBytes(payload));
        payload.Should().StartWith("000201010211").And.Contain("jp.tsuyama.lc").And.Contain(shop.Id.ToString("N"));
    }

    [Fact]
    public async Task StoreQrSvg_IsAnSvgImage()
    {
        var shop = await _api.MerchantAsync();

        var response = await _api.Anonymous().GetAsync($"/api/v1/merchants/{shop.Id}/qr?format=svg");

        response.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        (await response.Content.ReadAsStringAsync()).Should().StartWith("<svg");
    }

    [Fact]
    public async Task StoreQr_WithUnknownFormat_ReturnsValidationProblem()
    {
        var shop = await _api.MerchantAsync();

        var response = await _api.Anonymous().GetAsync($"/api/v1/merchants/{shop.Id}/qr?format=gif");

        await Api.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task StoreQr_ForUnknownMerchant_ReturnsNotFound()
    {
        var response = await _api.Anonymous().GetAsync($"/api/v1/merchants/{Guid.NewGuid()}/qr");

        await Api.ProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Sticker_IsAnA6PageWithTheJapaneseStoreName()
    {
        var shop = await _api.MerchantAsync();

        var html = await _api.Anonymous().GetStringAsync($"/api/v1/merchants/{shop.Id}/sticker");

        html.Should().Contain("城下町ベーカリー").And.Contain("@page { size: 105mm 148mm").And.Contain("<svg");
    }
}
