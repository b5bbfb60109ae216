using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

/// <summary>Steps several browser tests share: a resident signing up in the browser, points given through the API.</summary>
public static class BrowserSetup
{
    public const string Password = "Hanako2026pass";

    public static async Task<string> SignUpAsync(Phone phone, string name = "津山 花子")
    {
        var email = $"hanako{Guid.NewGuid():N}@test.example";
        var page = phone.Page;
        await page.GotoAsync("/signup");
        await page.GetByLabel("お名前").FillAsync(name);
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync("**/wallet?welcome=1", new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "FAILED-signup.png"), FullPage = true });
            throw new TimeoutException($"Sign-up did not reach the wallet: {await page.Locator("main").InnerTextAsync()}");
        }
        return email;
    }

    /// <summary>
    /// One unit of a program (6,000 共通券 + 7,000 専用券), sold at the counter to the resident who
    /// signed up on the page (a resident's user id is their resident id).
    /// </summary>
    public static async Task GivePointsAsync(Api api, string email, string program)
    {
        var token = await api.TokenAsync(email, Password);
        var normalized = email.ToUpperInvariant();
        var id = await api.Factory.WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstAsync());
        await api.BuyAsync(new Party(id, api.As(token), email, Password), program);
    }

    /// <summary>
    /// A staff user of <paramref name="role"/> (Admin, Counter or Chamber) created through the API by the
    /// bootstrap Admin, then signed in on the sign-in page, which sends them to their console.
    /// </summary>
    /// <summary>
    /// A staff user of <paramref name="role"/> created by the bootstrap Admin and signed in on the page; with
    /// <paramref name="landing"/>, the sign-in returns there and this waits until it has.
    /// </summary>
    public static async Task<string> StaffSignInAsync(Phone desktop, Api api, string role, string? landing = null)
    {
        var email = $"{role.ToLowerInvariant()}{Guid.NewGuid():N}@test.example";
        const string password = "StaffPass2026";
        var response = await api.PostAsync(await api.AdminAsync(), "/api/v1/staff", new { email, password, role });
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var page = desktop.Page;
        await page.GotoAsync(landing is null ? "/signin" : $"/signin?ReturnUrl={Uri.EscapeDataString(landing)}");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).Last.ClickAsync();
        if (landing is null)
        {
            await page.WaitForLoadStateAsync();
        }
        else
        {
            await page.WaitForURLAsync($"**{landing}", new() { Timeout = 15_000 });
        }

        return email;
    }

    public static Task<string> StoreNumberAsync(ApiFactory factory, Guid merchant) =>
        factory.WithDbAsync(db => db.Merchants.Where(m => m.Id == merchant).Select(m => m.StoreNumber!).FirstAsync());
}
