using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Payouts.Zengin;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

/// <summary>The city office's console at 1280×800: dashboard, programs, settlements, ledger; Counter staff kept out of the Admin pages.</summary>
public sealed class CityOfficePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static string Today(BrowserHost host) => JapanTime.Today(host.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [ChromiumFact]
    public async Task Admin_CreatesAProgramOnThePage_SeesJapaneseMessagesBesideTheFields_EditsIt_AndClosesAnotherProgramsSales()
    {
        var api = browser.Api;
        await using var desktop = await browser.DesktopAsync("city-programs");
        var page = desktop.Page;
        await BrowserSetup.StaffSignInAsync(desktop, api, Roles.Admin);
        await page.WaitForURLAsync("**/city");
        await desktop.CheckScreenAsync("01-dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "商品券の制度" }).ClickAsync();
        await desktop.CheckScreenAsync("02-programs");
        await page.GetByTestId("new-program").ClickAsync();
        await desktop.CheckScreenAsync("03-new-program");

        await page.Locator("#Form_Code").FillAsync("");
        await page.Locator("#Form_Name").FillAsync("");
        await page.Locator("#Form_SalesUntil").FillAsync("2020-01-01");
        await page.GetByTestId("create-program").ClickAsync();
        await Assertions.Expect(page.Locator("#Form_Code-error")).ToContainTextAsync("制度コード");
        await Assertions.Expect(page.Locator("#Form_Name-error")).ToContainTextAsync("名前");
        await Assertions.Expect(page.Locator("#Form_SalesUntil-error")).ToContainTextAsync("販売終了日");
        await Assertions.Expect(page.Locator("#Form_TotalUnits-error")).ToContainTextAsync("冊数");
        await Assertions.Expect(page.Locator("#Form_Name")).ToHaveAttributeAsync("aria-invalid", "true");
        await desktop.CheckScreenAsync("04-new-program-errors");

        var code = $"TSU-{Guid.NewGuid():N}"[..12];
        await page.Locator("#Form_Code").FillAsync(code);
        await page.Locator("#Form_Name").FillAsync("津山プレミアム商品券 2027");
        await page.Locator("#Form_TotalUnits").FillAsync("20000");
        var salesFrom = await page.Locator("#Form_SalesFrom").InputValueAsync();
        var salesUntil = DateOnly.Parse(salesFrom, System.Globalization.CultureInfo.InvariantCulture).AddDays(30);
        await page.Locator("#Form_SalesUntil").FillAsync(salesUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("create-program").ClickAsync();
        await Assertions.Expect(page.GetByTestId("program-done")).ToContainTextAsync("作成しました");
        await Assertions.Expect(page.GetByTestId("program-status")).ToHaveTextAsync("販売前");
        await desktop.CheckScreenAsync("05-program-created");

        await page.GetByTestId("edit-program").ClickAsync();
        await page.Locator("#Form_Name").FillAsync("津山にぎわい商品券 2027");
        await page.Locator("#Form_RedemptionFeePercent").FillAsync("2");
        await desktop.CheckScreenAsync("06-program-edit");
        await page.GetByTestId("save-program").ClickAsync();
        await Assertions.Expect(page.GetByTestId("program-done")).ToContainTextAsync("保存しました");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("津山にぎわい商品券 2027");
        await Assertions.Expect(page.GetByTestId("program-terms")).ToContainTextAsync("2 %");

        var onSale = await api.CreateProgramAsync();
        await page.GotoAsync($"/city/programs/{onSale}");
        await Assertions.Expect(page.GetByTestId("edit-program")).ToHaveCountAsync(0);
        await page.GetByTestId("close-sales").ClickAsync();
        await Assertions.Expect(page.GetByTestId("program-done")).ToContainTextAsync("今日で販売を終了");
        await Assertions.Expect(page.GetByTestId("close-sales")).ToHaveCountAsync(0);
        await desktop.CheckScreenAsync("07-program-sales-closed");

        await page.GotoAsync("/city/programs");
        await Assertions.Expect(page.GetByTestId("programs")).ToContainTextAsync("津山にぎわい商品券 2027");
    }

    [ChromiumFact]
    public async Task Admin_RunsASettlementPastTheCutoff_DownloadsAZenginFileTheReaderAccepts_AndVerifyShowsOk()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var shop = await api.MerchantAsync();
        var resident = await api.ResidentAsync();
        await api.BuyAsync(resident, program);
        var held = await api.MerchantAsync();
        foreach (var (merchant, amount) in new[] { (shop.Id, 3_000), (held.Id, 500) })
        {
            var paid = await api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await api.StoreQrAsync(merchant), amount });
            paid.StatusCode.Should().Be(HttpStatusCode.Created, await paid.Content.ReadAsStringAsync());
        }

        // A holder name the bank file cannot carry (as an old registration might hold): that shop is held back with the reason.
        var corrupt = $"UPDATE Merchants SET Payout_HolderKana = '山田太郎' WHERE Id = '{held.Id.ToString().ToUpperInvariant()}'";
        await browser.Host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(corrupt));
        var cutoff = Today(browser.Host);

        // Only as far as the next JST day: the payment's day is over, and the admin signs in after the move, so the cookie is fresh.
        browser.Host.Clock.SetUtcNow(new DateTimeOffset(JapanTime.EndOfDayUtc(JapanTime.Today(browser.Host.Clock)), TimeSpan.Zero).AddMinutes(1));
        await using var desktop = await browser.DesktopAsync("city-settlement");
        var page = desktop.Page;
        await BrowserSetup.StaffSignInAsync(desktop, api, Roles.Admin);
        await page.WaitForURLAsync("**/city");
        await Assertions.Expect(page.GetByTestId("issued")).Not.ToHaveTextAsync("0 ポイント");
        await desktop.CheckScreenAsync("01-dashboard-with-activity");

        await page.GetByRole(AriaRole.Link, new() { Name = "精算" }).ClickAsync();
        await Assertions.Expect(page.Locator("#cutoff")).ToHaveValueAsync(cutoff);
        await desktop.CheckScreenAsync("02-settlements");
        await page.GetByTestId("run-settlement").ClickAsync();
        await Assertions.Expect(page.GetByTestId("settlement-done")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("settlement-payout")).ToContainTextAsync("2,955");
        await Assertions.Expect(page.GetByTestId("held-back")).ToContainTextAsync("500");
        await desktop.CheckScreenAsync("03-settlement-detail");

        var zengin = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("zengin").ClickAsync());
        var file = ZenginFileReader.Parse(await File.ReadAllBytesAsync((await zengin.PathAsync())!));
        file.Records.Should().Contain(r => r.Amount == 2_955, "3,000 points less the 1.5 % fee (45)");
        file.Trailer.TotalAmount.Should().Be(file.Records.Sum(r => r.Amount));

        var statement = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("statement").First.ClickAsync());
        (await File.ReadAllTextAsync((await statement.PathAsync())!)).Should().Contain("城下町ベーカリー");

        await page.GotoAsync("/city/settlements");
        await Assertions.Expect(page.GetByTestId("settlements")).ToContainTextAsync("2,955");
        await Assertions.Expect(page.GetByTestId("held-back")).ToContainTextAsync("城下町ベーカリー");
        await page.GetByTestId("run-settlement").ClickAsync();
        await Assertions.Expect(page.Locator("#cutoff-error")).ToContainTextAsync("精算済み");
        await desktop.CheckScreenAsync("04-settlement-again-refused");

        await page.GetByRole(AriaRole.Link, new() { Name = "台帳の検証" }).ClickAsync();
        await desktop.CheckScreenAsync("05-ledger");
        await page.GetByTestId("verify-now").ClickAsync();
        await Assertions.Expect(page.GetByTestId("verify-result")).ToContainTextAsync("問題はありません", new() { Timeout = 30_000 });
        await desktop.CheckScreenAsync("06-ledger-verified");
    }

    [ChromiumFact]
    public async Task CounterStaff_SeeTheDashboard_ButNotProgramsSettlementsOrTheLedger()
    {
        await using var desktop = await browser.DesktopAsync("city-counter");
        var page = desktop.Page;
        await BrowserSetup.StaffSignInAsync(desktop, browser.Api, Roles.Counter);
        await page.WaitForURLAsync("**/city");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "精算" })).ToHaveCountAsync(0);
        await desktop.CheckScreenAsync("01-dashboard");

        foreach (var path in new[] { "/city/programs", "/city/settlements", "/city/ledger" })
        {
            var response = await page.GotoAsync(path);
            response!.Status.Should().Be(403, path);
        }

        // Chromium logs the refused document's 403 as a console error: here it is the expected outcome, not a fault.
        desktop.ConsoleErrors.RemoveAll(e => e.Contains("status of 403", StringComparison.Ordinal));
        await desktop.CheckScreenAsync("02-denied");
    }
}
