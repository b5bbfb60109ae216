using Microsoft.Playwright;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

public sealed class ResidentPayTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task Resident_SignsUpGetsPointsAndPaysByStoreNumber_SeesCompletionAndNewBalance()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var shop = await api.MerchantAsync();
        var storeNumber = await BrowserSetup.StoreNumberAsync(browser.Host, shop.Id);
        await using var hanako = await browser.PhoneAsync("hanako");
        var page = hanako.Page;

        await page.GotoAsync("/");
        await hanako.CheckScreenAsync("01-landing");
        await page.GotoAsync("/signup");
        await hanako.CheckScreenAsync("02-signup");
        var email = await BrowserSetup.SignUpAsync(hanako);
        await hanako.CheckScreenAsync("03-wallet-empty");
        await BrowserSetup.GivePointsAsync(api, email, program);

        await page.GotoAsync("/wallet");
        await Assertions.Expect(page.GetByTestId("total")).ToContainTextAsync("13,000");
        await Assertions.Expect(page.GetByText("共通券").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("6,000 ポイント")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("専用券").First).ToBeVisibleAsync();
        await hanako.CheckScreenAsync("04-wallet");

        await page.GetByRole(AriaRole.Link, new() { Name = "支払う" }).First.ClickAsync();
        await hanako.CheckScreenAsync("05-pay-choose-shop");
        await page.GetByLabel("お店番号（6 桁）").FillAsync(storeNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "次へ" }).ClickAsync();
        await Assertions.Expect(page.GetByText("城下町ベーカリー")).ToBeVisibleAsync();
        foreach (var key in new[] { "1", "2", "00" })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = key, Exact = true }).ClickAsync();
        }

        await Assertions.Expect(page.GetByLabel("金額（ポイント）")).ToHaveValueAsync("1200");
        await hanako.CheckScreenAsync("06-pay-amount");
        await page.GetByRole(AriaRole.Button, new() { Name = "確認へ進む" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-amount")).ToHaveTextAsync("1,200 ポイント");
        await Assertions.Expect(page.GetByText("専用券").First).ToBeVisibleAsync();
        await hanako.CheckScreenAsync("07-pay-confirm");

        // A double tap: the second tap is swallowed or replays the same payment.
        await page.GetByTestId("pay").DblClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("done-amount")).ToContainTextAsync("1,200");
        await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync("城下町ベーカリー");
        await Assertions.Expect(page.Locator(".pulse")).ToBeVisibleAsync();
        await hanako.CheckScreenAsync("08-pay-done");

        (await api.MerchantBalanceAsync(shop)).Should().Be(1_200, "one payment, however often the button was tapped");
        await page.GetByRole(AriaRole.Link, new() { Name = "ホームに戻る" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("total")).ToContainTextAsync("11,800");

        await page.GetByRole(AriaRole.Link, new() { Name = "履歴" }).ClickAsync();
        var latest = page.GetByTestId("history").Locator("li").First;
        await Assertions.Expect(latest).ToContainTextAsync("支払い · 城下町ベーカリー");
        await Assertions.Expect(latest).ToContainTextAsync("-1,200 ポイント");
        await Assertions.Expect(latest).ToContainTextAsync("残り 11,800 ポイント");
        await Assertions.Expect(page.GetByTestId("history").Locator("li").Nth(1)).ToContainTextAsync("+13,000 ポイント");
        await hanako.CheckScreenAsync("09-history");
        await latest.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("entry-points")).ToHaveTextAsync("-1,200 ポイント");
        await Assertions.Expect(page.GetByText(storeNumber)).ToBeVisibleAsync();
        await hanako.CheckScreenAsync("10-history-entry");

        await page.GetByRole(AriaRole.Link, new() { Name = "使えるお店" }).ClickAsync();
        await page.GetByLabel("お店をさがす").FillAsync("じょうかまち");
        await page.GetByRole(AriaRole.Button, new() { Name = "さがす" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("stores")).ToContainTextAsync("城下町ベーカリー");
        await Assertions.Expect(page.GetByTestId("stores")).ToContainTextAsync("共通券・専用券 OK");
        await hanako.CheckScreenAsync("11-stores");
    }

    [ChromiumFact]
    public async Task PayFlow_WithTheKeyboardOnly_Completes()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var shop = await api.MerchantAsync();
        var storeNumber = await BrowserSetup.StoreNumberAsync(browser.Host, shop.Id);
        await using var kbd = await browser.PhoneAsync("keyboard");
        var page = kbd.Page;
        var email = await BrowserSetup.SignUpAsync(kbd, "津山 次郎");
        await BrowserSetup.GivePointsAsync(api, email, program);

        await page.GotoAsync("/wallet");
        await TabToAsync(page, "a[href='/wallet/pay'].button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/wallet/pay");
        await TabToAsync(page, "#store");
        await page.Keyboard.TypeAsync(storeNumber);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/wallet/pay/amount**");
        await TabToAsync(page, "#amount");
        await page.Keyboard.TypeAsync("500");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/wallet/pay/confirm**");
        await TabToAsync(page, "[data-testid=pay]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("done-amount")).ToContainTextAsync("500");
        (await api.MerchantBalanceAsync(shop)).Should().Be(500);
    }

    /// <summary>Presses Tab until <paramref name="selector"/> has the focus, as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                var visible = await page.EvaluateAsync<bool>(
                    "() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }");
                visible.Should().BeTrue($"the focus on {selector} must be visible");
                return;
            }
        }

        throw new InvalidOperationException($"{selector} cannot be reached with Tab");
    }

    [ChromiumFact]
    public async Task Pay_MoreThanTheBalance_IsRefusedInJapaneseAndChangesNothing()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var shop = await api.MerchantAsync();
        var storeNumber = await BrowserSetup.StoreNumberAsync(browser.Host, shop.Id);
        await using var taro = await browser.PhoneAsync("taro");
        var page = taro.Page;
        var email = await BrowserSetup.SignUpAsync(taro, "津山 太郎");
        await BrowserSetup.GivePointsAsync(api, email, program);

        await page.GotoAsync("/wallet/pay");
        await page.GetByLabel("お店番号（6 桁）").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "次へ" }).ClickAsync();
        await Assertions.Expect(page.Locator("#store-error")).ToContainTextAsync("6 桁");
        await Assertions.Expect(page.GetByLabel("お店番号（6 桁）")).ToHaveValueAsync("12345");
        await taro.CheckScreenAsync("01-pay-bad-store-number");

        await page.GetByLabel("お店番号（6 桁）").FillAsync(storeNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "次へ" }).ClickAsync();
        await page.GetByLabel("金額（ポイント）").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "確認へ進む" }).ClickAsync();
        await Assertions.Expect(page.Locator("#amount-error")).ToContainTextAsync("整数");
        await taro.CheckScreenAsync("02-pay-bad-amount");

        await page.GetByLabel("金額（ポイント）").FillAsync("20000");
        await page.GetByRole(AriaRole.Button, new() { Name = "確認へ進む" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("残高不足");
        await Assertions.Expect(page.GetByLabel("金額（ポイント）")).ToHaveValueAsync("20000");
        await taro.CheckScreenAsync("03-pay-insufficient");

        (await api.MerchantBalanceAsync(shop)).Should().Be(0);
    }
}
