using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Payouts.Zengin;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

/// <summary>
/// The city office's whole round on its own pages, each step by the person who does it: the Admin creates a
/// program and registers a shop, Counter staff sell vouchers to a resident, the resident pays the shop on
/// their phone, and the next day the Admin settles, downloads the bank file, verifies the ledger and finds
/// every one of those actions in the audit log.
/// </summary>
public sealed class CityEndToEndTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [ChromiumFact]
    public async Task Admin_CreatesProgram_RegistersShop_CounterSells_ResidentPays_AdminSettlesVerifiesAndAuditsIt()
    {
        var api = browser.Api;
        var today = JapanTime.Today(browser.Host.Clock);

        // 1. The Admin creates a program whose sales open today.
        await using var admin = await browser.DesktopAsync("city-e2e-admin");
        var a = admin.Page;
        await BrowserSetup.StaffSignInAsync(admin, api, Roles.Admin);
        await a.GotoAsync("/city/programs/new");
        var code = $"E2E-{Guid.NewGuid():N}"[..12];
        await a.Locator("#Form_Code").FillAsync(code);
        await a.Locator("#Form_Name").FillAsync("津山まるごと商品券");
        await a.Locator("#Form_TotalUnits").FillAsync("1000");
        await a.Locator("#Form_SalesFrom").FillAsync(Iso(today));
        await a.Locator("#Form_SalesUntil").FillAsync(Iso(today.AddDays(30)));
        await a.GetByTestId("create-program").ClickAsync();
        await Assertions.Expect(a.GetByTestId("program-done")).ToContainTextAsync("作成しました");
        await admin.CheckScreenAsync("01-program-created");

        // 2. The Admin registers a shop with payout details the bank file can carry.
        await a.GotoAsync("/city/shops");
        await a.GetByTestId("new-shop").ClickAsync();
        await a.GetByLabel("店名", new() { Exact = true }).FillAsync("津山まるごと書店");
        await a.GetByLabel("店名（かな）").FillAsync("つやままるごとしょてん");
        await a.GetByLabel("店名（ローマ字）").FillAsync("Tsuyama Marugoto Books");
        await a.GetByLabel("業種コード").FillAsync("5942");
        await a.GetByLabel("郵便番号").FillAsync("708-0022");
        await a.GetByLabel("店主のメールアドレス").FillAsync($"marugoto{Guid.NewGuid():N}@test.example");
        await a.GetByLabel("店主の最初のパスワード").FillAsync("BooksPass2026");
        await a.GetByLabel("金融機関コード").FillAsync("0168");
        await a.GetByLabel("支店コード").FillAsync("101");
        await a.GetByLabel("口座番号").FillAsync("7654321");
        await a.GetByLabel("口座名義（カナ）").FillAsync("ツヤママルゴトシヨテン");
        await a.GetByTestId("register").ClickAsync();
        await Assertions.Expect(a.GetByTestId("done")).ToContainTextAsync("店舗を登録しました");
        await admin.CheckScreenAsync("02-shop-registered");
        var storeNumber = await browser.Host.WithDbAsync(db =>
            db.Merchants.Where(m => m.Name == "津山まるごと書店").Select(m => m.StoreNumber!).SingleAsync());

        // 3. A resident signs up on their phone; Counter staff check their identity and sell one unit.
        await using var resident = await browser.PhoneAsync("city-e2e-resident");
        var email = await BrowserSetup.SignUpAsync(resident, "美作 太郎");
        await using var counter = await browser.DesktopAsync("city-e2e-counter");
        var c = counter.Page;
        await BrowserSetup.StaffSignInAsync(counter, api, Roles.Counter);
        await c.GotoAsync("/city/residents");
        await c.GetByLabel("お名前・メールアドレスで探す").FillAsync(email);
        await c.GetByTestId("search").ClickAsync();
        await c.GetByRole(AriaRole.Link, new() { Name = "美作 太郎" }).ClickAsync();
        await c.GetByLabel("確認した書類").SelectOptionAsync("my-number-card");
        await c.GetByTestId("verify").ClickAsync();
        await Assertions.Expect(c.GetByTestId("verification")).ToContainTextAsync("マイナンバーカード");
        await c.GetByTestId("sell").ClickAsync();
        await c.GetByLabel("事業").SelectOptionAsync(code);
        await c.GetByLabel("口数").FillAsync("1");
        await c.GetByTestId("next").ClickAsync();
        await Assertions.Expect(c.GetByTestId("paid-yen")).ToHaveTextAsync("10,000 円");
        await c.GetByTestId("confirm-sale").ClickAsync();
        await Assertions.Expect(c.GetByTestId("done")).ToContainTextAsync("ポイントを発行しました");
        await counter.CheckScreenAsync("03-counter-sale-done");

        // 4. The resident pays the new shop 3,000 points by its store number.
        var p = resident.Page;
        await p.GotoAsync("/wallet/pay");
        await p.GetByLabel("お店番号（6 桁）").FillAsync(storeNumber);
        await p.GetByRole(AriaRole.Button, new() { Name = "次へ" }).ClickAsync();
        foreach (var key in new[] { "3", "0", "0", "0" })
        {
            await p.GetByRole(AriaRole.Button, new() { Name = key, Exact = true }).ClickAsync();
        }

        await p.GetByRole(AriaRole.Button, new() { Name = "確認へ進む" }).ClickAsync();
        await p.GetByTestId("pay").ClickAsync();
        await Assertions.Expect(p.GetByTestId("done-amount")).ToContainTextAsync("3,000");
        await Assertions.Expect(p.GetByTestId("done")).ToContainTextAsync("津山まるごと書店");
        await resident.CheckScreenAsync("04-resident-paid");

        // 5. The next morning (JST) the Admin signs in again, settles yesterday and downloads the bank file.
        browser.Host.Clock.SetUtcNow(new DateTimeOffset(JapanTime.EndOfDayUtc(today), TimeSpan.Zero).AddMinutes(1));
        await using var nextDay = await browser.DesktopAsync("city-e2e-admin-next-day");
        var n = nextDay.Page;
        await BrowserSetup.StaffSignInAsync(nextDay, api, Roles.Admin);
        await n.GotoAsync("/city/settlements");
        await Assertions.Expect(n.Locator("#cutoff")).ToHaveValueAsync(Iso(today));
        await n.GetByTestId("run-settlement").ClickAsync();
        await Assertions.Expect(n.GetByTestId("settlement-payout")).ToContainTextAsync("2,955");
        await nextDay.CheckScreenAsync("05-settled");
        var zengin = await n.RunAndWaitForDownloadAsync(() => n.GetByTestId("zengin").ClickAsync());
        var file = ZenginFileReader.Parse(await File.ReadAllBytesAsync((await zengin.PathAsync())!));
        file.Records.Should().ContainSingle(r => r.Amount == 2_955, "3,000 points less the 1.5 % fee, to the shop's account")
            .Which.AccountNumber.Should().Be("7654321");

        // 6. Verify shows OK, and the audit log lists every staff action of the round.
        await n.GotoAsync("/city/ledger");
        await n.GetByTestId("verify-now").ClickAsync();
        await Assertions.Expect(n.GetByTestId("verify-result")).ToContainTextAsync("問題はありません", new() { Timeout = 30_000 });
        await n.GotoAsync("/city/audit");
        foreach (var action in new[] { "CreateProgram", "RegisterMerchant", "VerifyResident", "RecordCounterSale", "RunSettlement", "RecordLedgerCheck" })
        {
            await Assertions.Expect(n.GetByTestId("audit")).ToContainTextAsync(action);
        }

        await nextDay.CheckScreenAsync("06-audit");
    }
}
