using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>The city office console's use cases, through its pages (cookie sign-in, antiforgery) and the API where one exists.</summary>
public sealed class CityDeskTests(ConsoleApiFactory factory) : IClassFixture<ConsoleApiFactory>
{
    private readonly Api _api = new(factory);

    private Task<string> NameOfAsync(Guid merchant) =>
        factory.WithDbAsync(db => db.Merchants.Where(m => m.Id == merchant).Select(m => m.Name).FirstAsync());

    private static Dictionary<string, string> Form(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public async Task Pay_ToASuspendedShop_IsRefusedAsMerchantSuspended_AndWorksAgainAfterReactivation()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var merchant = await _api.MerchantAsync();
        await _api.BuyAsync(resident, program);
        var admin = await ConsolePages.AdminAsync(factory);
        var qr = await _api.StoreQrAsync(merchant.Id);
        var page = $"/city/shops/{merchant.Id}";

        var suspended = await ConsolePages.PostFormAsync(admin, page, $"{page}?handler=Suspension", Form(("suspend", "true")));
        (await suspended.Content.ReadAsStringAsync()).Should().Contain("店舗を停止しました");
        var refused = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = qr, amount = 1_000 });
        await Api.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "merchant-suspended");
        (await _api.MerchantBalanceAsync(merchant)).Should().Be(0);
        (await _api.WalletTotalAsync(resident)).Should().Be(13_000, "nothing was taken from the resident");

        await ConsolePages.PostFormAsync(admin, page, $"{page}?handler=Suspension", Form(("suspend", "false")));
        var paid = await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = qr, amount = 1_000 });
        paid.StatusCode.Should().Be(HttpStatusCode.Created, await paid.Content.ReadAsStringAsync());
        (await _api.MerchantBalanceAsync(merchant)).Should().Be(1_000);
    }

    [Fact]
    public async Task ShopsPage_Search_FindsByStoreNumber_AndShowsSuspension()
    {
        var merchant = await _api.MerchantAsync();
        var number = await factory.WithDbAsync(db => db.Merchants.Where(m => m.Id == merchant.Id).Select(m => m.StoreNumber!).FirstAsync());
        var admin = await ConsolePages.AdminAsync(factory);

        var html = await admin.GetStringAsync($"/city/shops?q={number}");

        html.Should().Contain($"/city/shops/{merchant.Id}").And.Contain("有効");
    }

    [Fact]
    public async Task EditShop_WithABadCategory_ShowsTheMessageBesideTheField_AndAGoodOneIsSaved()
    {
        var merchant = await _api.MerchantAsync();
        var admin = await ConsolePages.AdminAsync(factory);
        var page = $"/city/shops/{merchant.Id}";
        var fields = Form(("Name", "城下町ベーカリー本店"), ("NameKana", "じょうかまちべーかりー"), ("NameRomaji", "Jokamachi Bakery"),
            ("Category", "54x"), ("Size", "Small"), ("PostalCode", "708-0022"));

        var bad = await (await ConsolePages.PostFormAsync(admin, page, $"{page}?handler=Edit", fields)).Content.ReadAsStringAsync();
        bad.Should().Contain("id=\"Category-error\" class=\"field-error\" aria-live=\"polite\">業種コードは 4 桁の数字です。");
        (await NameOfAsync(merchant.Id)).Should().Be("城下町ベーカリー");

        fields["Category"] = "5462";
        await ConsolePages.PostFormAsync(admin, page, $"{page}?handler=Edit", fields);
        (await NameOfAsync(merchant.Id)).Should().Be("城下町ベーカリー本店");
    }

    [Theory]
    [InlineData("株式会社ヤマダ", true, "ｶ)ﾔﾏﾀﾞ")]
    [InlineData("ヤマダ タロウ", true, "ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("Yamada Bakery!", false, "")]
    [InlineData("山田", false, "")]
    public async Task HolderKanaCheck_AnswersWithTheBankFileConverter(string holder, bool ok, string bankKana)
    {
        var admin = await ConsolePages.AdminAsync(factory);

        var answer = await admin.GetFromJsonAsync<JsonObject>($"/city/shops/new?handler=Kana&holder={Uri.EscapeDataString(holder)}");

        answer!["ok"]!.GetValue<bool>().Should().Be(ok);
        answer["bankKana"]!.GetValue<string>().Should().Be(bankKana);
        answer["message"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task RegisterShop_OnThePage_StoresTheHolderInBankKana_AndTheOwnerCanSignIn()
    {
        var admin = await ConsolePages.AdminAsync(factory);
        var email = $"owner{Guid.NewGuid():N}@test.example";
        var fields = Form(("Name", "津山珈琲"), ("NameKana", "つやまこーひー"), ("NameRomaji", "Tsuyama Coffee"), ("Category", "5814"), ("Size", "Small"),
            ("PostalCode", "7080022"), ("OwnerEmail", email), ("OwnerPassword", "CoffeePass1"), ("BankCode", "0168"), ("BranchCode", "101"),
            ("AccountType", "Ordinary"), ("AccountNumber", "7654321"), ("HolderKana", "株式会社ツヤマ"));

        var response = await ConsolePages.PostFormAsync(admin, "/city/shops/new", "/city/shops/new", fields);

        (await response.Content.ReadAsStringAsync()).Should().Contain("店舗を登録しました");
        var holder = await factory.WithDbAsync(db => db.Merchants.Where(m => m.OwnerEmail == email).Select(m => m.Payout.HolderKana).FirstAsync());
        holder.Should().Be("ｶ)ﾂﾔﾏ");
        await _api.TokenAsync(email, "CoffeePass1");
    }

    [Fact]
    public async Task DeactivatedStaff_CannotSignIn_AndTheirTokenAndCookieStopWorking()
    {
        var email = $"counter{Guid.NewGuid():N}@test.example";
        (await _api.PostAsync(await _api.AdminAsync(), "/api/v1/staff", new { email, password = "StaffPass2026", role = "Counter" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var token = _api.As(await _api.TokenAsync(email, "StaffPass2026"));
        var cookie = await ConsolePages.SignInAsync(factory, email, "StaffPass2026");
        (await cookie.GetAsync("/city/residents")).StatusCode.Should().Be(HttpStatusCode.OK);
        var resident = await _api.ResidentAsync();
        var today = JapanTime.Today(factory.Clock);
        (await _api.PostAsync(token, $"/api/v1/residents/{resident.Id}/verification", new { method = "my-number-card", checkedOn = today }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync());
        var admin = await ConsolePages.AdminAsync(factory);

        var done = await ConsolePages.PostFormAsync(admin, "/city/staff", "/city/staff?handler=Deactivate", Form(("userId", userId.ToString())));

        (await done.Content.ReadAsStringAsync()).Should().Contain("サインインを無効にしました");
        var signIn = await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password = "StaffPass2026" });
        signIn.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _api.PostAsync(token, $"/api/v1/residents/{resident.Id}/verification", new { method = "my-number-card", checkedOn = today }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var page = await cookie.GetAsync("/city/residents");
        page.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/signin", "the cookie of a deactivated user is dropped");
        (await admin.GetStringAsync("/city/staff")).Should().Contain(email).And.Contain("無効");
    }

    [Fact]
    public async Task DeactivateSelf_IsRefusedWithAMessage_AndTheAdminStaysActive()
    {
        var (admin, email) = await ConsolePages.StaffAsync(_api, "Admin");
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync());

        var response = await ConsolePages.PostFormAsync(admin, "/city/staff", "/city/staff?handler=Deactivate", Form(("userId", id.ToString())));

        (await response.Content.ReadAsStringAsync()).Should().Contain("ご自身のサインインは無効にできません");
        (await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DeactivatedAt).FirstAsync())).Should().BeNull();
    }

    [Fact]
    public async Task AddStaff_OnThePage_CreatesACounterUserWhoMustChooseAPassword()
    {
        var admin = await ConsolePages.AdminAsync(factory);
        var email = $"desk{Guid.NewGuid():N}@test.example";

        var response = await ConsolePages.PostFormAsync(admin, "/city/staff", "/city/staff",
            Form(("Email", email), ("Password", "FirstPass2026"), ("Role", "Counter")), form: 1);

        (await response.Content.ReadAsStringAsync()).Should().Contain("職員を追加しました").And.Contain(email);
        var user = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => new { u.PasswordChangeRequired }).FirstAsync());
        user.PasswordChangeRequired.Should().BeTrue();
    }

    [Fact]
    public async Task ResidentSearch_FindsByAPartOfTheName_AndListsNothingWithoutATerm()
    {
        var name = $"美作{Guid.NewGuid():N}"[..10];
        var body = new { email = $"{Guid.NewGuid():N}@test.example", password = "ResidentPass1", displayName = name };
        (await _api.PostAsync(_api.Anonymous(), "/api/v1/residents", body))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var (counter, _) = await ConsolePages.StaffAsync(_api, "Counter");

        (await counter.GetStringAsync($"/city/residents?q={Uri.EscapeDataString(name[..8])}")).Should().Contain(name);
        (await counter.GetStringAsync("/city/residents")).Should().NotContain("data-testid=\"residents\"");
    }

    [Fact]
    public async Task CounterSale_OnThePage_QuotesThenIssuesThePointsOnce_EvenWhenConfirmedTwice()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var (counter, _) = await ConsolePages.StaffAsync(_api, "Counter");
        var detail = $"/city/residents/{resident.Id}";
        var today = JapanTime.Today(factory.Clock).ToString("yyyy-MM-dd");
        await ConsolePages.PostFormAsync(counter, detail, $"{detail}?handler=Verify", Form(("Method", "driving-licence"), ("CheckedOn", today)));
        var sale = $"{detail}/sale";
        var fields = Form(("ProgramCode", program), ("Units", "2"), ("PaymentMethod", "cash"));

        var quote = await (await ConsolePages.PostFormAsync(counter, sale, $"{sale}?handler=Quote", fields)).Content.ReadAsStringAsync();
        quote.Should().Contain("20,000 円").And.Contain("12,000").And.Contain("14,000");
        (await _api.WalletTotalAsync(resident)).Should().Be(0, "the confirmation screen records nothing");

        fields["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(
            System.Text.RegularExpressions.Regex.Match(quote, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        fields["IdempotencyKey"] = System.Text.RegularExpressions.Regex.Match(quote, "name=\"IdempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value;
        var first = await counter.PostAsync($"{sale}?handler=Confirm", new FormUrlEncodedContent(fields));
        var second = await counter.PostAsync($"{sale}?handler=Confirm", new FormUrlEncodedContent(fields));

        (await first.Content.ReadAsStringAsync()).Should().Contain("販売を記録し、ポイントを発行しました");
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _api.WalletTotalAsync(resident)).Should().Be(26_000);
        (await factory.WithDbAsync(db => db.Purchases.CountAsync(p => p.ResidentId == resident.Id))).Should().Be(1);
        var page = await counter.GetStringAsync(detail);
        page.Should().Contain("26,000").And.Contain("運転免許証");
    }

    [Fact]
    public async Task CounterSale_ForAnUnverifiedResident_ShowsWhyAndIssuesNothing()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var (counter, _) = await ConsolePages.StaffAsync(_api, "Counter");
        var sale = $"/city/residents/{resident.Id}/sale";
        var fields = Form(("ProgramCode", program), ("Units", "1"), ("PaymentMethod", "cash"));

        var response = await ConsolePages.PostFormAsync(counter, sale, $"{sale}?handler=Confirm", fields);

        (await response.Content.ReadAsStringAsync()).Should().Contain("本人確認がまだです");
        (await _api.WalletTotalAsync(resident)).Should().Be(0);
    }

    [Fact]
    public async Task ResetPassword_ByAdmin_ShowsATemporaryPasswordThatSignsIn_AndCounterIsRefused()
    {
        var resident = await _api.ResidentAsync();
        var admin = await ConsolePages.AdminAsync(factory);
        var (counter, _) = await ConsolePages.StaffAsync(_api, "Counter");
        var detail = $"/city/residents/{resident.Id}";

        var refused = await ConsolePages.PostFormAsync(counter, detail, $"{detail}?handler=Reset", []);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var html = await (await ConsolePages.PostFormAsync(admin, detail, $"{detail}?handler=Reset", [], form: 1)).Content.ReadAsStringAsync();
        var temporary = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"temporary-password\">\\s*<p>[^<]*</p>\\s*<p><strong>([^<]+)</strong>")
            .Groups[1].Value;
        temporary.Should().HaveLength(12);
        await _api.TokenAsync(resident.Email, temporary);
    }

    [Fact]
    public async Task AuditPage_FiltersByRecordAndOutcome_AndTheCsvHasTheSameEntries()
    {
        var merchant = await _api.MerchantAsync();
        var other = await _api.MerchantAsync();
        var admin = await ConsolePages.AdminAsync(factory);
        var page = $"/city/shops/{merchant.Id}";
        await ConsolePages.PostFormAsync(admin, page, $"{page}?handler=Suspension", Form(("suspend", "true")));

        var html = await admin.GetStringAsync($"/city/audit?record={merchant.Id}&outcome=succeeded");
        html.Should().Contain("SetMerchantSuspension").And.Contain("RegisterMerchant").And.Contain(ApiFactory.AdminEmail)
            .And.NotContain($"MerchantId={other.Id}");
        (await admin.GetStringAsync($"/city/audit?record={merchant.Id}&outcome=refused")).Should().NotContain("SetMerchantSuspension");

        var csv = await admin.GetAsync($"/city/audit?record={merchant.Id}&handler=Csv");
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var text = await csv.Content.ReadAsStringAsync();
        text.Should().Contain("SetMerchantSuspensionCommand").And.Contain($"MerchantId={merchant.Id}");
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCountGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task AuditApi_RecordFilter_ListsOnlyThatRecord()
    {
        var first = await _api.MerchantAsync();
        await _api.MerchantAsync();
        var admin = await _api.AdminAsync();

        var page = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/audit?record={first.Id}");

        var entries = page!["entries"]!.AsArray();
        entries.Should().NotBeEmpty();
        entries.Select(e => e!["recordId"]!.GetValue<string>()).Should().OnlyContain(r => r.Contains(first.Id.ToString()));
    }
}
