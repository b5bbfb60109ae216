using Microsoft.Playwright;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

/// <summary>The city office's shop, residents' desk, staff and audit pages in desktop Chromium.</summary>
public sealed class CityDeskPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task AdminRegistersAShop_CounterSellsVouchersToAResident_AndTheAdminSeesBothInTheAuditLog()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var resident = await api.ResidentAsync();
        await using var admin = await browser.DesktopAsync("citydesk-admin");
        await using var counter = await browser.DesktopAsync("citydesk-counter");

        // The Admin registers a shop; a holder name the bank file cannot carry is flagged beside the field while typing.
        await BrowserSetup.StaffSignInAsync(admin, api, Roles.Admin, "/city/shops");
        var a = admin.Page;
        await admin.CheckScreenAsync("01-shops");
        await a.GetByTestId("new-shop").ClickAsync();
        await a.GetByLabel("店名", new() { Exact = true }).FillAsync("津山ブックス");
        await a.GetByLabel("店名（かな）").FillAsync("つやまぶっくす");
        await a.GetByLabel("店名（ローマ字）").FillAsync("Tsuyama Books");
        await a.GetByLabel("業種コード").FillAsync("5942");
        await a.GetByLabel("郵便番号").FillAsync("708-0022");
        var owner = $"books{Guid.NewGuid():N}@test.example";
        await a.GetByLabel("店主のメールアドレス").FillAsync(owner);
        await a.GetByLabel("店主の最初のパスワード").FillAsync("BooksPass2026");
        await a.GetByLabel("金融機関コード").FillAsync("0168");
        await a.GetByLabel("支店コード").FillAsync("101");
        await a.GetByLabel("口座番号").FillAsync("1234567");
        await a.GetByLabel("口座名義（カナ）").FillAsync("Tsuyama Books!");
        await Assertions.Expect(a.Locator("#HolderKana-error")).ToContainTextAsync("口座名義は", new() { Timeout = 10_000 });
        await Assertions.Expect(a.GetByLabel("口座名義（カナ）")).ToHaveAttributeAsync("aria-invalid", "true");
        await admin.CheckScreenAsync("02-shop-kana-error");
        await a.GetByLabel("口座名義（カナ）").FillAsync("カブシキガイシャ ツヤマブックス");
        await Assertions.Expect(a.Locator("#HolderKana-ok")).ToContainTextAsync("ﾂﾔﾏﾌﾞﾂｸｽ", new() { Timeout = 10_000 });
        await Assertions.Expect(a.Locator("#HolderKana-error")).ToBeEmptyAsync();
        await admin.CheckScreenAsync("03-shop-kana-ok");
        await a.GetByTestId("register").ClickAsync();
        await Assertions.Expect(a.GetByTestId("done")).ToContainTextAsync("店舗を登録しました");
        await Assertions.Expect(a.GetByTestId("status")).ToHaveTextAsync("有効");
        await admin.CheckScreenAsync("04-shop-registered");

        // Counter staff find the resident, record the identity check and sell two units after the confirmation screen.
        await BrowserSetup.StaffSignInAsync(counter, api, Roles.Counter, "/city/residents");
        var c = counter.Page;
        await counter.CheckScreenAsync("05-residents-search");
        await c.GetByLabel("お名前・メールアドレスで探す").FillAsync(resident.Email);
        await c.GetByTestId("search").ClickAsync();
        await Assertions.Expect(c.GetByTestId("residents")).ToContainTextAsync("津山 花子");
        await counter.CheckScreenAsync("06-residents-found");
        await c.GetByRole(AriaRole.Link, new() { Name = "津山 花子" }).ClickAsync();
        await Assertions.Expect(c.GetByTestId("verification")).ToContainTextAsync("未確認");
        await counter.CheckScreenAsync("07-resident-unverified");
        await c.GetByLabel("確認した書類").SelectOptionAsync("my-number-card");
        await c.GetByTestId("verify").ClickAsync();
        await Assertions.Expect(c.GetByTestId("verification")).ToContainTextAsync("マイナンバーカード");
        await c.GetByTestId("sell").ClickAsync();
        await Assertions.Expect(c.GetByTestId("sale-form")).ToBeVisibleAsync();
        await c.GetByLabel("事業").SelectOptionAsync(program);
        await c.GetByLabel("口数").FillAsync("2");
        await counter.CheckScreenAsync("08-sale-form");
        await c.GetByTestId("next").ClickAsync();
        await Assertions.Expect(c.GetByTestId("paid-yen")).ToHaveTextAsync("20,000 円");
        await counter.CheckScreenAsync("09-sale-confirm");
        await c.GetByTestId("confirm-sale").ClickAsync();
        await Assertions.Expect(c.GetByTestId("done")).ToContainTextAsync("ポイントを発行しました");
        await Assertions.Expect(c.GetByTestId("wallet-total")).ToHaveTextAsync("26,000 ポイント");
        await counter.CheckScreenAsync("10-sale-done");
        (await api.WalletTotalAsync(resident)).Should().Be(26_000);

        // The Admin finds both actions in the audit log, with who did them and the outcome.
        await a.GotoAsync("/city/audit");
        await Assertions.Expect(a.GetByTestId("audit")).ToContainTextAsync("RecordCounterSale");
        await Assertions.Expect(a.GetByTestId("audit")).ToContainTextAsync("VerifyResident");
        await Assertions.Expect(a.GetByTestId("audit")).ToContainTextAsync("RegisterMerchant");
        await admin.CheckScreenAsync("11-audit");
        await a.GetByLabel("操作").FillAsync("RecordCounterSale");
        await a.GetByLabel("結果").SelectOptionAsync("succeeded");
        await a.GetByTestId("filter").ClickAsync();
        await Assertions.Expect(a.GetByTestId("audit").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(a.GetByTestId("audit")).ToContainTextAsync("Counter");
        await admin.CheckScreenAsync("12-audit-filtered");
        var download = await a.RunAndWaitForDownloadAsync(() => a.GetByTestId("csv").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        csv.Should().Contain("RecordCounterSaleCommand").And.NotContain("RegisterMerchantCommand");
    }

    [ChromiumFact]
    public async Task AdminSuspendsAShop_AddsAndDeactivatesStaff_AndResetsAResidentsPassword()
    {
        var api = browser.Api;
        var merchant = await api.MerchantAsync();
        var resident = await api.ResidentAsync();
        await using var admin = await browser.DesktopAsync("citydesk-admin2");
        await BrowserSetup.StaffSignInAsync(admin, api, Roles.Admin, $"/city/shops/{merchant.Id}");
        var a = admin.Page;

        await a.GetByTestId("suspension").ClickAsync();
        await Assertions.Expect(a.GetByTestId("status")).ToHaveTextAsync("停止中");
        await admin.CheckScreenAsync("01-shop-suspended");

        await a.GotoAsync("/city/staff");
        await admin.CheckScreenAsync("02-staff");
        var email = $"desk{Guid.NewGuid():N}@test.example";
        await a.GetByLabel("メールアドレス").FillAsync(email);
        await a.GetByLabel("最初のパスワード").FillAsync("DeskPass2026");
        await a.GetByLabel("役割").SelectOptionAsync(Roles.Counter);
        await a.GetByTestId("add").ClickAsync();
        await Assertions.Expect(a.GetByTestId("done")).ToContainTextAsync("職員を追加しました");
        await a.GetByRole(AriaRole.Button, new() { Name = $"{email} を無効にする" }).ClickAsync();
        await Assertions.Expect(a.GetByTestId("done")).ToContainTextAsync("サインインを無効にしました");
        await Assertions.Expect(a.GetByTestId("staff").Locator("tr", new() { HasText = email })).ToContainTextAsync("無効");
        await admin.CheckScreenAsync("03-staff-deactivated");

        await a.GotoAsync($"/city/residents/{resident.Id}");
        await a.GetByTestId("reset-password").ClickAsync();
        await Assertions.Expect(a.GetByTestId("temporary-password")).ToBeVisibleAsync();
        await admin.CheckScreenAsync("04-resident-password-reset");
    }
}
