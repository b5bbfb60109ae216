using System.Net.Http.Json;
using System.Net;
using Microsoft.Playwright;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

public sealed class ResidentQrTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task DynamicQr_ScannedByTheResident_ConfirmsTheShopsAmountAndPays()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var shop = await api.MerchantAsync();
        await using var resident = await browser.PhoneAsync("dynamic");
        var page = resident.Page;
        var email = await BrowserSetup.SignUpAsync(resident, "津山 三郎");
        await BrowserSetup.GivePointsAsync(api, email, program);
        var created = await Api.JsonAsync(await api.PostAsync(shop.Client, "/api/v1/merchant/payment-requests", new { amount = 2_480 }));
        var payload = created["payload"]!.GetValue<string>();

        // What the camera island does with a decoded QR: back to the pay page with ?qr=.
        await page.GotoAsync($"/wallet/pay?qr={Uri.EscapeDataString(payload)}");
        await page.WaitForURLAsync("**/wallet/pay/confirm**");
        await Assertions.Expect(page.GetByTestId("confirm-amount")).ToHaveTextAsync("2,480 ポイント");
        await Assertions.Expect(page.GetByText("城下町ベーカリー")).ToBeVisibleAsync();
        await resident.CheckScreenAsync("01-dynamic-confirm");
        await page.GetByTestId("pay").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done-amount")).ToContainTextAsync("2,480");
        await resident.CheckScreenAsync("02-dynamic-done");
        (await api.MerchantBalanceAsync(shop)).Should().Be(2_480);

        // The same code again: refused in Japanese, nothing paid twice.
        await page.GotoAsync($"/wallet/pay?qr={Uri.EscapeDataString(payload)}");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("支払い済み");
        await resident.CheckScreenAsync("03-dynamic-used");
        (await api.MerchantBalanceAsync(shop)).Should().Be(2_480);
    }

    [ChromiumFact]
    public async Task NotAQrCode_IsRefusedWithAMessage()
    {
        await using var resident = await browser.PhoneAsync("badqr");
        var page = resident.Page;
        await BrowserSetup.SignUpAsync(resident, "津山 四郎");
        await page.GotoAsync("/wallet/pay?qr=hello");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("このコードでは支払えません");
        (await page.GotoAsync("/wallet/pay/confirm?qr=hello"))!.Status.Should().Be((int)HttpStatusCode.OK);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task MyCode_ChargedByTheShop_TurnsToCompletionWithoutReload()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var shop = await api.MerchantAsync();
        await using var resident = await browser.PhoneAsync("mycode");
        var page = resident.Page;
        var email = await BrowserSetup.SignUpAsync(resident, "津山 五郎");
        await BrowserSetup.GivePointsAsync(api, email, program);

        await page.GotoAsync("/wallet/code");
        await resident.CheckScreenAsync("01-code-intro");
        await page.GetByTestId("show-code").ClickAsync();
        var digits = (await page.GetByTestId("code-digits").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        digits.Should().MatchRegex("^[0-9]{20}$");
        var png = await page.Locator("[data-code-image]").ScreenshotAsync();
        await resident.CheckScreenAsync("02-code");

        ZxingReader.Read(png).Should().EndWith(digits, "the QR on screen carries the same one-time code");
        await page.EvaluateAsync("() => window.__sameDocument = true");

        // The shop (another person; its pages come later) charges the code through the API.
        var charge = await api.PostMovingAsync(shop.Client, "/api/v1/merchant/charges", new { code = digits, amount = 700 });
        charge.StatusCode.Should().Be(HttpStatusCode.Created, await charge.Content.ReadAsStringAsync());

        await Assertions.Expect(page.GetByTestId("code-done")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("code-done")).ToContainTextAsync("700");
        await Assertions.Expect(page.GetByTestId("code-done")).ToContainTextAsync("城下町ベーカリー");
        (await page.EvaluateAsync<bool>("() => window.__sameDocument === true")).Should().BeTrue("the page changed without reloading");
        await resident.CheckScreenAsync("03-code-charged");
        (await api.MerchantBalanceAsync(shop)).Should().Be(700);
    }
}

public sealed class ResidentRefundTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task PartRefundByTheShop_ShowsInTheResidentsHistoryAndDetail()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var shop = await api.MerchantAsync();
        var storeNumber = await BrowserSetup.StoreNumberAsync(browser.Host, shop.Id);
        await using var resident = await browser.PhoneAsync("refund");
        var page = resident.Page;
        var email = await BrowserSetup.SignUpAsync(resident, "津山 六郎");
        await BrowserSetup.GivePointsAsync(api, email, program);
        await page.GotoAsync($"/wallet/pay/confirm?store={storeNumber}&amount=3000");
        await page.GetByTestId("pay").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToBeVisibleAsync();

        var client = api.As(await api.TokenAsync(email, BrowserSetup.Password));
        var history = (await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/history"))!;
        var entryId = history["items"]![0]!["id"]!.GetValue<Guid>();
        var entry = (await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/history/{entryId}"))!;
        entry["kind"]!.GetValue<string>().Should().Be("payment");
        var paymentId = entry["paymentId"]?.GetValue<Guid>() ?? entryId;
        var refund = await api.PostMovingAsync(shop.Client, $"/api/v1/payments/{paymentId}/refunds", new { amount = 1_000 });
        refund.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await refund.Content.ReadAsStringAsync());

        await page.GotoAsync("/wallet/history");
        var latest = page.GetByTestId("history").Locator("li").First;
        await Assertions.Expect(latest).ToContainTextAsync("返金");
        await Assertions.Expect(latest).ToContainTextAsync("+1,000 ポイント");
        await Assertions.Expect(latest).ToContainTextAsync("残り 11,000 ポイント");
        await resident.CheckScreenAsync("01-history-refund");
        await page.GetByTestId("history").Locator("li").Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("refunds")).ToContainTextAsync("+1,000 ポイント");
        await resident.CheckScreenAsync("02-payment-with-refund");
    }
}
