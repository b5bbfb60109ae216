using System.Net;
using Microsoft.Playwright;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

/// <summary>The shop's pages, each test with the shop (owner or clerk) and a resident in two browser contexts.</summary>
public sealed class ShopPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    internal static async Task SignInShopAsync(Phone shop, string email, string password)
    {
        var page = shop.Page;
        await page.GotoAsync("/signin");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/shop", new() { Timeout = 15_000 });
    }

    [ChromiumFact]
    public async Task ReceiveScreen_ShowsAResidentsPaymentLive_AndAPartRefundReachesTheResidentsHistory()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var owner = await api.MerchantAsync();
        var storeNumber = await BrowserSetup.StoreNumberAsync(api.Factory, owner.Id);
        await using var shop = await browser.PhoneAsync("shop-receive");
        await using var resident = await browser.PhoneAsync("shop-receive-resident");
        var email = await BrowserSetup.SignUpAsync(resident, "津山 六郎");
        await BrowserSetup.GivePointsAsync(api, email, program);

        await SignInShopAsync(shop, owner.Email, owner.Password);
        await Assertions.Expect(shop.Page.GetByTestId("today-count")).ToContainTextAsync("0");
        await shop.CheckScreenAsync("01-receive-empty");
        await shop.Page.EvaluateAsync("() => window.__sameDocument = true");

        await resident.Page.GotoAsync($"/wallet/pay/confirm?store={storeNumber}&amount=1200");
        await resident.Page.GetByTestId("pay").ClickAsync();
        await Assertions.Expect(resident.Page.GetByTestId("done")).ToBeVisibleAsync();

        // The till shows it without a reload: large amount, today's total and count.
        await Assertions.Expect(shop.Page.GetByTestId("latest-amount")).ToContainTextAsync("1,200", new() { Timeout = 10_000 });
        await Assertions.Expect(shop.Page.GetByTestId("today-total")).ToContainTextAsync("1,200");
        await Assertions.Expect(shop.Page.GetByTestId("today-count")).ToContainTextAsync("1");
        (await shop.Page.EvaluateAsync<bool>("() => window.__sameDocument === true")).Should().BeTrue("the payment arrived without a reload");
        await shop.CheckScreenAsync("02-receive-live");
        await shop.Page.SetViewportSizeAsync(820, 1180);
        await shop.CheckScreenAsync("02-receive-live-tablet");
        await shop.Page.SetViewportSizeAsync(390, 844);

        await shop.Page.Locator("[data-recent] a").First.ClickAsync();
        await Assertions.Expect(shop.Page.GetByTestId("payment-amount")).ToHaveTextAsync("1,200 ポイント");
        await shop.CheckScreenAsync("03-payment-detail");

        // Bad input stays beside the field, in Japanese; nothing is refunded.
        await shop.Page.GetByLabel("返金する金額").FillAsync("abc");
        await shop.Page.GetByTestId("refund").ClickAsync();
        await Assertions.Expect(shop.Page.Locator("#refund-amount-error")).ToContainTextAsync("金額は 1 から");
        await shop.CheckScreenAsync("04-refund-bad-input");
        await shop.Page.GetByLabel("返金する金額").FillAsync("5000");
        await shop.Page.GetByTestId("refund").ClickAsync();
        await Assertions.Expect(shop.Page.Locator("#refund-amount-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(shop.Page.GetByTestId("payment-refunded")).ToHaveTextAsync("0 ポイント");

        await shop.Page.GetByLabel("返金する金額").FillAsync("300");
        await shop.Page.GetByTestId("refund").ClickAsync();
        await Assertions.Expect(shop.Page.GetByTestId("refund-done")).ToContainTextAsync("300 ポイント");
        await Assertions.Expect(shop.Page.GetByTestId("payment-refunded")).ToHaveTextAsync("300 ポイント");
        await shop.CheckScreenAsync("05-refunded");
        (await api.MerchantBalanceAsync(owner)).Should().Be(900);

        await shop.Page.GetByRole(AriaRole.Link, new() { Name = "取引一覧" }).First.ClickAsync();
        await Assertions.Expect(shop.Page.GetByTestId("day-net")).ToHaveTextAsync("900 ポイント");
        await Assertions.Expect(shop.Page.GetByTestId("day-count")).ToContainTextAsync("1");
        await shop.CheckScreenAsync("06-transactions");
        var download = await shop.Page.RunAndWaitForDownloadAsync(() => shop.Page.GetByTestId("csv").ClickAsync());
        var csv = await File.ReadAllBytesAsync((await download.PathAsync())!);
        csv.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }, "Excel reads UTF-8 with a BOM");

        await resident.Page.GotoAsync("/wallet/history");
        var latest = resident.Page.GetByTestId("history").Locator("li").First;
        await Assertions.Expect(latest).ToContainTextAsync("返金");
        await Assertions.Expect(latest).ToContainTextAsync("+300 ポイント");
    }

    [ChromiumFact]
    public async Task ResidentsCode_ChargedOnTheShopsPage_TurnsTheResidentsPageToCompletion()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var owner = await api.MerchantAsync();
        await using var shop = await browser.PhoneAsync("shop-charge");
        await using var resident = await browser.PhoneAsync("shop-charge-resident");
        var email = await BrowserSetup.SignUpAsync(resident, "津山 七郎");
        await BrowserSetup.GivePointsAsync(api, email, program);
        await resident.Page.GotoAsync("/wallet/code");
        await resident.Page.GetByTestId("show-code").ClickAsync();
        var digits = (await resident.Page.GetByTestId("code-digits").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);

        await SignInShopAsync(shop, owner.Email, owner.Password);
        await shop.Page.GotoAsync("/shop/charge");
        await shop.CheckScreenAsync("01-charge");
        await shop.Page.GetByLabel("お客様のコード").FillAsync("1234");
        await shop.Page.GetByLabel("金額（ポイント）").FillAsync("");
        await shop.Page.GetByTestId("charge").ClickAsync();
        await Assertions.Expect(shop.Page.Locator("#amount-error")).ToContainTextAsync("金額は 1 から");
        await Assertions.Expect(shop.Page.GetByLabel("お客様のコード")).ToHaveValueAsync("1234");
        await shop.Page.GetByLabel("金額（ポイント）").FillAsync("650");
        await shop.Page.GetByTestId("charge").ClickAsync();
        await Assertions.Expect(shop.Page.Locator("#code-error")).ToContainTextAsync("このコードでは受け取れません");
        await shop.CheckScreenAsync("02-charge-bad-code");

        await shop.Page.GetByLabel("お客様のコード").FillAsync(digits);
        await shop.Page.GetByLabel("金額（ポイント）").FillAsync("650");
        await shop.Page.GetByTestId("charge").ClickAsync();
        await Assertions.Expect(shop.Page.GetByTestId("charge-done")).ToContainTextAsync("650");
        await shop.CheckScreenAsync("03-charge-done");

        await Assertions.Expect(resident.Page.GetByTestId("code-done")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(resident.Page.GetByTestId("code-done")).ToContainTextAsync("650");
        (await api.MerchantBalanceAsync(owner)).Should().Be(650);
    }

    [ChromiumFact]
    public async Task PaymentRequest_PaidByTheResident_FlipsTheShopsScreenToPaid()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var owner = await api.MerchantAsync();
        await using var shop = await browser.PhoneAsync("shop-request");
        await using var resident = await browser.PhoneAsync("shop-request-resident");
        var email = await BrowserSetup.SignUpAsync(resident, "津山 八郎");
        await BrowserSetup.GivePointsAsync(api, email, program);

        await SignInShopAsync(shop, owner.Email, owner.Password);
        await shop.Page.GotoAsync("/shop/request");
        await shop.CheckScreenAsync("01-request-amount");
        await shop.Page.GetByTestId("make-request").ClickAsync();
        await Assertions.Expect(shop.Page.Locator("#amount-error")).ToContainTextAsync("金額は 1 から");
        foreach (var key in new[] { "9", "8", "0" })
        {
            await shop.Page.GetByRole(AriaRole.Button, new() { Name = key, Exact = true }).ClickAsync();
        }

        await shop.Page.GetByTestId("make-request").ClickAsync();
        await Assertions.Expect(shop.Page.GetByTestId("request-amount")).ToContainTextAsync("980");
        await shop.CheckScreenAsync("02-request-qr");
        var png = await shop.Page.GetByTestId("request-qr").ScreenshotAsync();
        var payload = ZxingReader.Read(png) ?? throw new InvalidOperationException("the request QR did not decode");

        await resident.Page.GotoAsync($"/wallet/pay?qr={Uri.EscapeDataString(payload)}");
        await resident.Page.WaitForURLAsync("**/wallet/pay/confirm**");
        await resident.Page.GetByTestId("pay").ClickAsync();
        await Assertions.Expect(resident.Page.GetByTestId("done-amount")).ToContainTextAsync("980");

        await Assertions.Expect(shop.Page.GetByTestId("request-paid")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(shop.Page.GetByTestId("request-paid")).ToContainTextAsync("支払い済み");
        await Assertions.Expect(shop.Page.GetByTestId("request-paid")).ToContainTextAsync("980");
        await shop.CheckScreenAsync("03-request-paid");
    }

    [ChromiumFact]
    public async Task SupplierPayment_ShowsItsFeeBeforePaying()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var owner = await api.MerchantAsync();
        var supplier = await api.MerchantAsync();
        var supplierNumber = await BrowserSetup.StoreNumberAsync(api.Factory, supplier.Id);
        var resident = await api.ResidentAsync();
        await api.BuyAsync(resident, program);
        var paid = await api.PostMovingAsync(resident.Client, "/api/v1/payments",
            new { storeNumber = await BrowserSetup.StoreNumberAsync(api.Factory, owner.Id), amount = 5_000 });
        paid.StatusCode.Should().Be(HttpStatusCode.Created, await paid.Content.ReadAsStringAsync());
        await using var shop = await browser.PhoneAsync("shop-supplier");
        await SignInShopAsync(shop, owner.Email, owner.Password);

        await shop.Page.GotoAsync("/shop/supplier");
        await shop.Page.GetByLabel("仕入れ先のお店").FillAsync(supplierNumber);
        await shop.Page.GetByRole(AriaRole.Button, new() { Name = "さがす" }).ClickAsync();
        await shop.CheckScreenAsync("01-supplier-search");
        await shop.Page.GetByTestId("supplier-results").GetByRole(AriaRole.Link).First.ClickAsync();
        await shop.Page.GetByLabel("金額（ポイント）").FillAsync("x");
        await shop.Page.GetByTestId("supplier-quote").ClickAsync();
        await Assertions.Expect(shop.Page.Locator("#amount-error")).ToContainTextAsync("金額は 1 から");
        await shop.CheckScreenAsync("02-supplier-bad-amount");
        await shop.Page.GetByLabel("金額（ポイント）").FillAsync("2000");
        await shop.Page.GetByTestId("supplier-quote").ClickAsync();

        // The fee is on the screen before anything moves.
        await Assertions.Expect(shop.Page.GetByTestId("supplier-fee")).ToContainTextAsync("ポイント");
        (await api.MerchantBalanceAsync(supplier)).Should().Be(0);
        (await api.MerchantBalanceAsync(owner)).Should().Be(5_000);
        await shop.CheckScreenAsync("03-supplier-confirm");
        await shop.Page.GetByTestId("supplier-pay").ClickAsync();
        await Assertions.Expect(shop.Page.GetByTestId("supplier-done")).ToContainTextAsync("2,000");
        await shop.CheckScreenAsync("04-supplier-done");
        (await api.MerchantBalanceAsync(owner)).Should().Be(3_000);
        (await api.MerchantBalanceAsync(supplier)).Should().BeGreaterThan(0);
    }

    [ChromiumFact]
    public async Task Clerk_SeesNoOwnerActions_AndARefundPostedAnywayIsRefused()
    {
        var api = browser.Api;
        var program = await api.CreateProgramAsync();
        var owner = await api.MerchantAsync();
        var resident = await api.ResidentAsync();
        await api.BuyAsync(resident, program);
        var paid = await api.PostMovingAsync(resident.Client, "/api/v1/payments",
            new { storeNumber = await BrowserSetup.StoreNumberAsync(api.Factory, owner.Id), amount = 800 });
        var paymentId = (await Api.JsonAsync(paid))["paymentId"]!.GetValue<Guid>();
        var clerkEmail = $"clerk{Guid.NewGuid():N}@test.example";

        await using var ownerPhone = await browser.PhoneAsync("shop-clerks");
        await SignInShopAsync(ownerPhone, owner.Email, owner.Password);
        await ownerPhone.Page.GotoAsync("/shop/clerks");
        await ownerPhone.CheckScreenAsync("01-clerks-empty");
        await ownerPhone.Page.GetByLabel("メールアドレス").FillAsync("not-an-email");
        await ownerPhone.Page.GetByLabel("最初のパスワード").FillAsync("short");
        await ownerPhone.Page.GetByTestId("add-clerk").ClickAsync();
        await Assertions.Expect(ownerPhone.Page.Locator("#email-error")).ToContainTextAsync("メールアドレスを正しく");
        await ownerPhone.CheckScreenAsync("02-clerks-bad-input");
        await ownerPhone.Page.GetByLabel("メールアドレス").FillAsync(clerkEmail);
        await ownerPhone.Page.GetByLabel("最初のパスワード").FillAsync("ClerkPass2026");
        await ownerPhone.Page.GetByTestId("add-clerk").ClickAsync();
        await Assertions.Expect(ownerPhone.Page.GetByTestId("clerks")).ToContainTextAsync(clerkEmail);
        await ownerPhone.CheckScreenAsync("03-clerks-added");
        await ownerPhone.Page.GotoAsync("/shop/store");
        await Assertions.Expect(ownerPhone.Page.GetByTestId("store-number")).ToContainTextAsync(await BrowserSetup.StoreNumberAsync(api.Factory, owner.Id));
        await ownerPhone.CheckScreenAsync("04-store-qr");
        await ownerPhone.Page.GetByTestId("sticker-link").ClickAsync();
        await ownerPhone.CheckScreenAsync("05-sticker");

        await using var clerk = await browser.PhoneAsync("shop-clerk");
        await SignInShopAsync(clerk, clerkEmail, "ClerkPass2026");
        await clerk.CheckScreenAsync("01-clerk-receive");
        await Assertions.Expect(clerk.Page.GetByRole(AriaRole.Link, new() { Name = "仕入れ先へ支払い" })).ToHaveCountAsync(0);
        await clerk.Page.GotoAsync($"/shop/payments/{paymentId}");
        await Assertions.Expect(clerk.Page.GetByTestId("payment-amount")).ToHaveTextAsync("800 ポイント");
        await Assertions.Expect(clerk.Page.GetByTestId("refund")).ToHaveCountAsync(0);
        await Assertions.Expect(clerk.Page.GetByTestId("refund-owner-only")).ToBeVisibleAsync();
        await clerk.CheckScreenAsync("02-clerk-payment");

        // The form the owner sees, posted by the clerk anyway: the use case refuses, the 403 page says so.
        var token = await clerk.Page.EvaluateAsync<string>(
            "async () => { const r = await fetch('/shop/charge'); const t = await r.text(); "
            + "return /name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"/.exec(t)[1]; }");
        var response = await clerk.Page.APIRequest.PostAsync($"/shop/payments/{paymentId}", new()
        {
            Form = clerk.Page.APIRequest.CreateFormData().Set("RefundAmount", "800").Set("IdempotencyKey", Guid.NewGuid().ToString("N"))
                .Set("__RequestVerificationToken", token),
        });
        response.Status.Should().Be(403, "the 403 page after the use case refused the clerk");
        (await response.TextAsync()).Should().Contain("この画面は使えません");
        (await api.MerchantBalanceAsync(owner)).Should().Be(800, "nothing was refunded");
        await clerk.Page.GotoAsync("/shop/supplier");
        (await clerk.Page.Locator("h1").InnerTextAsync()).Should().NotBe("仕入れ先へ支払う");
    }
}
