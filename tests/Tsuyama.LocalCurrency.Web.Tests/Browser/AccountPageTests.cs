using Microsoft.Playwright;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

public sealed class AccountPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task SignUp_WithBadInput_ShowsJapaneseMessagesBesideTheFieldsAndKeepsTheForm()
    {
        await using var visitor = await browser.PhoneAsync("signup-bad");
        var page = visitor.Page;
        await page.GotoAsync("/signup");
        await page.GetByLabel("お名前").FillAsync("津山 花子");
        await page.GetByLabel("メールアドレス").FillAsync("not-an-address");
        await page.GetByLabel("パスワード").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();

        await Assertions.Expect(page.Locator("#Email-error")).ToContainTextAsync("メールアドレスを正しく入力してください");
        await Assertions.Expect(page.Locator("#Password-error")).ToContainTextAsync("8〜128 文字");
        await Assertions.Expect(page.GetByLabel("お名前")).ToHaveValueAsync("津山 花子");
        await Assertions.Expect(page.GetByLabel("メールアドレス")).ToHaveValueAsync("not-an-address");
        await visitor.CheckScreenAsync("01-signup-errors");
    }

    [ChromiumFact]
    public async Task SignUp_WithATakenAddress_SaysSoBesideTheEmail()
    {
        await using var first = await browser.PhoneAsync("signup-taken");
        var email = await BrowserSetup.SignUpAsync(first);
        await first.Context.ClearCookiesAsync();
        var page = first.Page;
        await page.GotoAsync("/signup");
        await page.GetByLabel("お名前").FillAsync("別の人");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(BrowserSetup.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Email-error")).ToContainTextAsync("登録済み");
    }

    [ChromiumFact]
    public async Task SignIn_WrongPasswordThenLockedOut_SaysWhyInJapanese()
    {
        await using var resident = await browser.PhoneAsync("lockout");
        var email = await BrowserSetup.SignUpAsync(resident);
        await resident.Context.ClearCookiesAsync();
        var page = resident.Page;
        await page.GotoAsync("/signin");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync("WrongPass123");
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("メールアドレスかパスワードが違います");
        await Assertions.Expect(page.GetByLabel("メールアドレス")).ToHaveValueAsync(email);
        await resident.CheckScreenAsync("01-signin-wrong");

        for (var i = 0; i < 5; i++)
        {
            await page.GetByLabel("パスワード").FillAsync("WrongPass123");
            await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).Last.ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("一時的にロック");
        await resident.CheckScreenAsync("02-signin-locked");
        // Even the right password waits for the lockout to end.
        await page.GetByLabel("パスワード").FillAsync(BrowserSetup.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("一時的にロック");
    }

    [ChromiumFact]
    public async Task ChangePassword_ThenSignOutAndInWithTheNewOne()
    {
        await using var resident = await browser.PhoneAsync("password");
        var email = await BrowserSetup.SignUpAsync(resident);
        var page = resident.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "パスワード変更" }).ClickAsync();
        await resident.CheckScreenAsync("01-password");
        await page.GetByLabel("今のパスワード").FillAsync("NotMine123");
        await page.GetByLabel("新しいパスワード").FillAsync("Brand2026new");
        await page.GetByRole(AriaRole.Button, new() { Name = "パスワードを変更する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#CurrentPassword-error")).ToContainTextAsync("正しくありません");
        await resident.CheckScreenAsync("02-password-wrong");

        await page.GetByLabel("今のパスワード").FillAsync(BrowserSetup.Password);
        await page.GetByLabel("新しいパスワード").FillAsync("Brand2026new");
        await page.GetByRole(AriaRole.Button, new() { Name = "パスワードを変更する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("パスワードを変更しました");

        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync("Brand2026new");
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/wallet");
        await page.GetByRole(AriaRole.Button, new() { Name = "サインアウト" }).ClickAsync();
        await page.WaitForURLAsync("**/?signedout=1");
        (await page.GotoAsync("/wallet"))!.Url.Should().Contain("/signin");
    }

    [ChromiumFact]
    public async Task Wallet_WithoutJavaScript_ShowsTheBalance()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        await using var signUp = await browser.PhoneAsync("nojs-setup");
        var email = await BrowserSetup.SignUpAsync(signUp);
        await BrowserSetup.GivePointsAsync(api, email, program);
        var cookies = await signUp.Context.CookiesAsync();

        await using var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.Host.BaseUrl.ToString(), JavaScriptEnabled = false, ViewportSize = new() { Width = 390, Height = 844 },
        });
        await context.AddCookiesAsync(cookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/wallet");
        await Assertions.Expect(page.GetByTestId("total")).ToContainTextAsync("13,000");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "nojs-01-wallet.png"), FullPage = true });
        // The keypad is script; without it the amount is a plain text field.
        await page.GotoAsync("/wallet/pay/amount?store=000000");
        await page.GotoAsync("/wallet/pay");
        await Assertions.Expect(page.GetByLabel("お店番号（6 桁）")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "カメラを起動する" })).ToBeHiddenAsync();
    }
}
