using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Expiry.SendExpiryReminders;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

/// <summary>Its own host: the clock moves forward to 30 days before the points expire.</summary>
public sealed class ExpiryBannerTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task Wallet_ThirtyDaysBeforeExpiry_ShowsTheReminderBanner()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        await using var resident = await browser.PhoneAsync("expiry");
        var email = await BrowserSetup.SignUpAsync(resident, "津山 七子");
        await BrowserSetup.GivePointsAsync(api, email, program);

        // CreateProgramAsync: the points' last day is 180 days after today.
        browser.Host.Clock.Advance(TimeSpan.FromDays(150));
        await using (var scope = browser.Host.Services.CreateAsyncScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new SendExpiryRemindersCommand(JapanTime.Today(browser.Host.Clock)));
            sent.IsSuccess.Should().BeTrue();
        }

        // 150 days on, the sign-in has lapsed on the server's clock: sign in again.
        var page = resident.Page;
        await page.GotoAsync("/wallet");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(BrowserSetup.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/wallet");
        var banner = resident.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "有効期限のお知らせ" });
        await Assertions.Expect(banner).ToContainTextAsync("ポイント が");
        await Assertions.Expect(banner).ToContainTextAsync("に期限切れになります");
        await resident.CheckScreenAsync("01-wallet-expiry-banner");
    }
}
