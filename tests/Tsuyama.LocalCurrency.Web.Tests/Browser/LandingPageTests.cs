using Microsoft.Playwright;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

public sealed class LandingPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task Landing_InJapanese_OffersSignInSignUpAndStores()
    {
        await using var visitor = await browser.PhoneAsync("visitor");
        var page = visitor.Page;
        var response = await page.GotoAsync("/");
        response!.Status.Should().Be(200);
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("ja");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("スマホの商品券");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "サインイン" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "はじめての方（新規登録）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "使えるお店を見る" })).ToBeVisibleAsync();
        await visitor.CheckScreenAsync("01-landing");
    }

    [ChromiumFact]
    public async Task Switches_EnglishAndLargeText_PersistAcrossPages()
    {
        await using var visitor = await browser.PhoneAsync("settings");
        var page = visitor.Page;
        await page.GotoAsync("/");
        var normal = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");

        await page.GetByRole(AriaRole.Button, new() { Name = "文字を大きく" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GotoAsync("/signin");

        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("en");
        var large = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
        large.Should().BeGreaterThan(normal * 1.2);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Larger text" })).ToHaveAttributeAsync("aria-pressed", "true");
        await visitor.CheckScreenAsync("02-signin-english-large");

        await page.GetByRole(AriaRole.Button, new() { Name = "日本語" }).ClickAsync();
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("ja");
    }

    [ChromiumFact]
    public async Task Landing_At200PercentZoom_DoesNotScrollSideways()
    {
        await using var visitor = await browser.PhoneAsync("zoom");
        var page = visitor.Page;
        // 200 % zoom of a 390 px screen lays the page out in 195 CSS px.
        await page.SetViewportSizeAsync(195, 422);
        await page.GotoAsync("/");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.Should().BeLessThanOrEqualTo(0);
    }
}
