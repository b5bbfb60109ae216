using Microsoft.Playwright;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

/// <summary>
/// The owner's settlements and tax papers on a phone, the printed invoice and notice as A4 pages, and the clerk
/// refused both. Own host: the test moves its clock a day on to settle today.
/// </summary>
public sealed class ShopSettlementPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task SignInShopAsync(Phone shop, string email, string password)
    {
        var page = shop.Page;
        await page.GotoAsync("/signin");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/shop", new() { Timeout = 15_000 });
    }

    /// <summary>The paper as it prints: print media on an A4-wide page, the whole length saved.</summary>
    private static async Task PrintShotAsync(IPage paper, string name)
    {
        await paper.EmulateMediaAsync(new() { Media = Media.Print });
        await paper.SetViewportSizeAsync(794, 1123);
        await paper.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"shop-papers-{name}.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task Owner_SeesTheNextPayoutAndPastSettlements_OpensTheInvoiceAndNotice_AndDownloadsTheBooks_WhileTheClerkIsRefused()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var owner = await api.MerchantAsync();
        var resident = await api.ResidentAsync();
        await api.BuyAsync(resident, program);
        var paid = await api.PostMovingAsync(resident.Client, "/api/v1/payments",
            new { storeNumber = await BrowserSetup.StoreNumberAsync(api.Factory, owner.Id), amount = 4_321 });
        paid.StatusCode.Should().Be(System.Net.HttpStatusCode.Created);
        var cutoff = JapanTime.Today(browser.Host.Clock);
        browser.Host.Clock.Advance(TimeSpan.FromDays(1));
        var run = await api.PostMovingAsync(await api.AdminAsync(), "/api/v1/settlements", new { cutoff });
        run.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await run.Content.ReadAsStringAsync());
        var clerkEmail = $"clerk{Guid.NewGuid():N}@test.example";
        // A day later the owner's token has expired: sign in again to add the clerk.
        var added = await api.PostAsync((await api.SignInAgainAsync(owner)).Client, "/api/v1/merchant/clerks",
            new { email = clerkEmail, password = "ClerkPass2026" });
        added.StatusCode.Should().Be(System.Net.HttpStatusCode.Created);

        await using var shop = await browser.PhoneAsync("shop-settlements");
        await SignInShopAsync(shop, owner.Email, owner.Password);
        await shop.Page.GetByRole(AriaRole.Link, new() { Name = "精算", Exact = true }).ClickAsync();
        await Assertions.Expect(shop.Page.Locator("h1")).ToHaveTextAsync("精算と振込");
        await Assertions.Expect(shop.Page.GetByTestId("next-payout")).ToContainTextAsync("年");
        await Assertions.Expect(shop.Page.GetByTestId("payee")).ToContainTextAsync("****567");
        // 4,321 points at 1.5 % = 64 yen fee, 4,257 yen paid.
        await Assertions.Expect(shop.Page.GetByTestId("payout")).ToHaveTextAsync("4,257 円");
        await shop.CheckScreenAsync("01-settlements");

        await shop.Page.GetByTestId("invoice").ClickAsync();
        await Assertions.Expect(shop.Page.Locator("h1")).ToContainTextAsync("適格請求書");
        (await shop.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).letterSpacing")).Should()
            .NotBe("normal", "the paper's own print CSS applies under its policy");
        await PrintShotAsync(shop.Page, "01-invoice");
        shop.ConsoleErrors.Should().BeEmpty("no CSP violation on the paper");
        await shop.Page.SetViewportSizeAsync(390, 844);
        await shop.Page.EmulateMediaAsync(new() { Media = Media.Screen });
        await shop.Page.GoBackAsync();
        await shop.Page.GetByTestId("notice").ClickAsync();
        await Assertions.Expect(shop.Page.Locator("h1")).ToContainTextAsync("支払通知書");
        await Assertions.Expect(shop.Page.Locator("body")).ToContainTextAsync("4,257");
        await PrintShotAsync(shop.Page, "02-notice");
        await shop.Page.SetViewportSizeAsync(390, 844);
        await shop.Page.EmulateMediaAsync(new() { Media = Media.Screen });

        await shop.Page.GotoAsync("/shop/settlements");
        await shop.Page.GetByTestId("to-papers").ClickAsync();
        await Assertions.Expect(shop.Page.Locator("h1")).ToHaveTextAsync("税務書類");
        await shop.CheckScreenAsync("02-papers");
        await shop.Page.GetByLabel("取引ごと").CheckAsync();
        var download = await shop.Page.RunAndWaitForDownloadAsync(() => shop.Page.GetByTestId("bookkeeping").ClickAsync());
        var csv = await File.ReadAllBytesAsync((await download.PathAsync())!);
        csv.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }, "UTF-8 with a BOM by default");
        System.Text.Encoding.UTF8.GetString(csv).Should().Contain("4321");
        await shop.Page.GotoAsync("/shop/papers");
        await shop.Page.GetByLabel("開始日").FillAsync("2026-12-31");
        await shop.Page.GetByLabel("終了日").FillAsync("2026-01-01");
        await shop.Page.GetByTestId("bookkeeping").ClickAsync();
        await Assertions.Expect(shop.Page.Locator("#to-error")).ToContainTextAsync("終了日を開始日と同じか");
        await shop.CheckScreenAsync("03-papers-bad-period");

        await using var clerk = await browser.PhoneAsync("shop-settlements-clerk");
        await SignInShopAsync(clerk, clerkEmail, "ClerkPass2026");
        await Assertions.Expect(clerk.Page.GetByRole(AriaRole.Link, new() { Name = "精算", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(clerk.Page.GetByRole(AriaRole.Link, new() { Name = "税務書類" })).ToHaveCountAsync(0);
        await clerk.Page.GotoAsync("/shop/settlements");
        await Assertions.Expect(clerk.Page.Locator("h1")).ToHaveTextAsync("この画面は使えません");
        // The refusal page answers 403, which Chromium logs as a failed load of the document itself.
        clerk.ConsoleErrors.RemoveAll(e => e.Contains("status of 403", StringComparison.Ordinal));
        await clerk.CheckScreenAsync("01-settlements-refused");
        var paper = await clerk.Page.APIRequest.GetAsync($"/shop/papers?handler=Bookkeeping&from=2026-01-01&to=2026-12-31");
        paper.Status.Should().Be(403, "the 403 page, not the shop's books");
    }
}
