using System.Net.Http.Json;
using Microsoft.Playwright;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

/// <summary>A resident applies for vouchers on a phone: one task per screen, plain polite Japanese.</summary>
public sealed class SalesPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<string> SaleAsync(string rule)
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync(maxPerResident: 5);
        var today = Domain.JapanTime.Today(browser.Host.Clock);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programs/{program}/sales")
        {
            Content = JsonContent.Create(new
            {
                rule,
                applicationFrom = today,
                applicationUntil = today.AddDays(6),
                paymentDays = 7,
                premiumBudget = (long?)null,
            }),
        };
        var response = await (await api.AdminAsync()).SendAsync(request);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return program;
    }

    [ChromiumFact]
    public async Task Resident_SeesOpenSales_AppliesFirstCome_SeesWhatToPay_AndDeclines_ThenAppliesToALottery()
    {
        var firstCome = await SaleAsync("firstCome");
        var lottery = await SaleAsync("lottery");
        await using var resident = await browser.PhoneAsync("sales");
        await BrowserSetup.SignUpAsync(resident, "津山 八重");
        var page = resident.Page;

        await page.GetByTestId("to-sales").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("商品券の申し込み");
        await resident.CheckScreenAsync("01-open-sales");

        await page.GetByTestId($"apply-{firstCome}").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("申し込み");
        await page.GetByLabel("申し込む口数").FillAsync("9");
        await page.GetByTestId("apply").ClickAsync();
        await Assertions.Expect(page.Locator("#units-error")).ToHaveTextAsync("口数は 1 から 5 までの数で入力してください。");
        await resident.CheckScreenAsync("02-apply-too-many");
        await page.GetByLabel("申し込む口数").FillAsync("2");
        await page.GetByTestId("apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("購入できます（お支払い待ち）");
        await Assertions.Expect(page.GetByTestId("status-text")).ToContainTextAsync("20,000 円をお支払いください");
        await Assertions.Expect(page.GetByTestId("pay-by")).ToContainTextAsync("年");
        await resident.CheckScreenAsync("03-won-how-to-pay");

        await page.GetByTestId("withdraw").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("取り下げ済み");
        await Assertions.Expect(page.GetByTestId("withdraw")).ToHaveCountAsync(0);
        await resident.CheckScreenAsync("04-declined");

        await page.GotoAsync("/wallet/sales");
        await page.GetByTestId($"apply-{lottery}").ClickAsync();
        await page.GetByTestId("apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("抽選待ち");
        await Assertions.Expect(page.GetByTestId("status-text")).ToContainTextAsync("抽選は申込期間");
        await resident.CheckScreenAsync("05-lottery-pending");
        await page.GotoAsync("/wallet/sales");
        await Assertions.Expect(page.GetByTestId("my-applications")).ToContainTextAsync("抽選待ち");
        await resident.CheckScreenAsync("06-my-applications");
    }
}
