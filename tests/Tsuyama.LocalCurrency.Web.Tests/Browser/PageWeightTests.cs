using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

public sealed class PageWeightTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const long BudgetBytes = 150 * 1024;

    [ChromiumFact]
    public async Task WalletHome_FirstLoad_TransfersAtMost150KbCompressed()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        await using var setup = await browser.PhoneAsync("weight-setup");
        var email = await BrowserSetup.SignUpAsync(setup);
        await BrowserSetup.GivePointsAsync(api, email, program);
        var cookies = await setup.Context.CookiesAsync();

        // A fresh context: nothing cached, as on a resident's first visit.
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.Host.BaseUrl.ToString() });
        await context.AddCookiesAsync(cookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        long total = 0;
        var lines = new List<string>();
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is { } json && json.TryGetProperty("encodedDataLength", out var length))
            {
                Interlocked.Add(ref total, (long)length.GetDouble());
            }
        };
        page.Response += (_, r) => lines.Add($"{r.Status} {r.Url} {r.Headers.GetValueOrDefault("content-encoding") ?? "identity"}");
        await page.GotoAsync("/wallet", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.GetByTestId("total")).ToContainTextAsync("13,000");

        output.WriteLine($"Wallet home first load: {total:N0} bytes on the wire (budget {BudgetBytes:N0})");
        Console.WriteLine($"Wallet home first load: {total:N0} bytes on the wire (budget {BudgetBytes:N0})");
        lines.ForEach(output.WriteLine);
        total.Should().BePositive().And.BeLessThanOrEqualTo(BudgetBytes);
    }
}
