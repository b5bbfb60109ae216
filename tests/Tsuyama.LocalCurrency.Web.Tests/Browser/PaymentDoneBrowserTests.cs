using Microsoft.Playwright;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

/// <summary>After paying, the phone is on a GET completion page: reload and Back show it again, never pay again.</summary>
public sealed class PaymentDoneBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task Pay_LandsOnItsCompletionPage_WithTheMovingRingAndChime_AndAReloadPaysNothingMore()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var shop = await api.MerchantAsync();
        var storeNumber = await BrowserSetup.StoreNumberAsync(api.Factory, shop.Id);
        await using var resident = await browser.PhoneAsync("pay-done");
        var email = await BrowserSetup.SignUpAsync(resident, "津山 九郎");
        await BrowserSetup.GivePointsAsync(api, email, program);
        var page = resident.Page;

        await page.GotoAsync($"/wallet/pay/confirm?store={storeNumber}&amount=2345");
        await page.GetByTestId("pay").ClickAsync();
        await page.WaitForURLAsync("**/wallet/pay/done/*");
        await Assertions.Expect(page.GetByTestId("done-amount")).ToContainTextAsync("2,345");
        await Assertions.Expect(page.Locator(".pulse")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-chimed", "1");
        var clock = await page.Locator("[data-live-clock]").InnerTextAsync();
        await Assertions.Expect(page.Locator("[data-live-clock]")).Not.ToHaveTextAsync(clock, new() { Timeout = 3_000 });
        await resident.CheckScreenAsync("01-done");

        var url = page.Url;
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("done-amount")).ToContainTextAsync("2,345");
        page.Url.Should().Be(url);
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByTestId("pay")).ToBeVisibleAsync();
        (await api.MerchantBalanceAsync(shop)).Should().Be(2_345, "one payment after a reload and Back");
    }
}
