using System.Net;
using System.Text;
using Tsuyama.LocalCurrency.Web.Pages.Shop;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>
/// A shop's settlements and papers, by API and on the shop's pages (cookie sign-in): the owner sees its own,
/// a clerk is refused, another shop gets only its own paper. Settled once by <see cref="PaperFixture"/>
/// (cutoff 2026-04-10, run on Saturday 2026-04-11 JST).
/// </summary>
public sealed class ShopSettlementTests(PaperFixture fixture) : IClassFixture<PaperFixture>
{
    private readonly Api _api = fixture.Api;

    [Fact]
    public async Task ShopSettlements_OfTheOwner_ListThePayout_TheNextCutoffAndPayoutDay_AndTheMaskedAccount()
    {
        var response = await fixture.Shop.Client.GetAsync($"/api/v1/merchants/{fixture.Shop.Id}/settlements");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await Api.JsonAsync(response);
        var first = body["settlements"]!.AsArray().Should().ContainSingle().Subject!;
        first["settlementId"]!.GetValue<Guid>().Should().Be(fixture.SettlementId);
        first["points"]!.GetValue<long>().Should().Be(6_789);
        first["feeYen"]!.GetValue<long>().Should().Be(101);
        first["payoutYen"]!.GetValue<long>().Should().Be(6_688);
        // Run on Saturday the 11th: the next business day is Monday the 13th, + 3 → Thursday the 16th.
        first["transferDate"]!.GetValue<string>().Should().Be("2026-04-16");
        // The next run is 00:30 JST on the 16th (cutoff the 15th); three bank days after Thursday, over the weekend → Tuesday the 21st.
        body["next"]!["cutoff"]!.GetValue<string>().Should().Be("2026-04-15");
        body["next"]!["payoutDate"]!.GetValue<string>().Should().Be("2026-04-21");
        body["payee"]!["maskedAccountNumber"]!.GetValue<string>().Should().Be("****567");
        (await response.Content.ReadAsStringAsync()).Should().NotContain("1234567");
    }

    [Fact]
    public async Task ShopSettlements_OfAnotherShop_OrForAClerk_AreForbidden_WhileTheCityOfficeReadsAny()
    {
        var path = $"/api/v1/merchants/{fixture.Shop.Id}/settlements";
        var (clerk, _) = await ClerkAsync();

        await Api.ProblemAsync(await fixture.Other.Client.GetAsync(path), HttpStatusCode.Forbidden, "forbidden");
        await Api.ProblemAsync(await _api.As(await _api.TokenAsync(clerk, ClerkPassword)).GetAsync(path), HttpStatusCode.Forbidden, "forbidden");
        (await (await _api.AdminAsync()).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);
        await Api.ProblemAsync(
            await (await _api.AdminAsync()).GetAsync($"/api/v1/merchants/{Guid.NewGuid()}/settlements"),
            HttpStatusCode.NotFound,
            "not-found");
    }

    [Fact]
    public async Task SettlementsPage_ForTheOwner_ShowsItsSettlement_AndServesItsPapersToPrint()
    {
        var owner = await PageSession.SignInAsync(fixture, fixture.Shop.Email, fixture.Shop.Password);
        var id = fixture.SettlementId;

        var page = await owner.GetStringAsync("/shop/settlements");
        page.Should().Contain("6,688 円").And.Contain("****567").And.NotContain("1234567").And.Contain("2026年4月21日");

        var invoice = await owner.GetAsync($"/shop/settlements?handler=Invoice&settlement={id}");
        invoice.StatusCode.Should().Be(HttpStatusCode.OK);
        invoice.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        invoice.Headers.GetValues("Content-Security-Policy").Single().Should().Be(ShopPage.PaperPolicy, "no script runs on a paper; its print CSS does");
        (await invoice.Content.ReadAsStringAsync()).Should().Contain("適格請求書").And.Contain("T5000020332038");

        var notice = await owner.GetStringAsync($"/shop/settlements?handler=Notice&settlement={id}");
        notice.Should().Contain("支払通知書").And.Contain("6,688");
        var statement = await owner.GetAsync($"/shop/settlements?handler=Statement&settlement={id}&format=csv");
        statement.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        Encoding.UTF8.GetString(await statement.Content.ReadAsByteArrayAsync()).Should().Contain("6688");
    }

    [Fact]
    public async Task PapersPage_Bookkeeping_DownloadsShiftJis_AndABadPeriodIsSaidBesideTheField()
    {
        var owner = await PageSession.SignInAsync(fixture, fixture.Shop.Email, fixture.Shop.Password);

        var csv = await owner.GetAsync("/shop/papers?handler=Bookkeeping&from=2026-04-01&to=2026-04-30&rows=day&encoding=shift_jis");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding.GetEncoding(932).GetString(await csv.Content.ReadAsByteArrayAsync()).Should().Contain("6789");

        var bad = await owner.GetAsync("/shop/papers?handler=Bookkeeping&from=2026-04-30&to=2026-04-01");
        bad.StatusCode.Should().Be(HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("終了日を開始日と同じか、それより後の日付で入力してください。");
    }

    [Fact]
    public async Task PapersPages_ForAnotherShop_ServeOnlyItsOwnPaperOfTheSameSettlement()
    {
        var other = await PageSession.SignInAsync(fixture, fixture.Other.Email, fixture.Other.Password);

        // The other shop was paid 1,000 points in the same settlement: its notice pays 985, never the shop's 6,688.
        var notice = await other.GetStringAsync($"/shop/settlements?handler=Notice&settlement={fixture.SettlementId}");
        notice.Should().Contain("985").And.NotContain("6,688");
        (await other.GetAsync($"/shop/settlements?handler=Invoice&settlement={Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SettlementsAndPapersPages_ForAClerk_EndOnTheDeniedPage_AndTheLinksAreHidden()
    {
        var (clerk, _) = await ClerkAsync();
        var till = await PageSession.SignInAsync(fixture, clerk, ClerkPassword);
        var id = fixture.SettlementId;
        string[] paths =
        [
            "/shop/settlements",
            $"/shop/settlements?handler=Statement&settlement={id}",
            $"/shop/settlements?handler=Invoice&settlement={id}",
            $"/shop/settlements?handler=Notice&settlement={id}&format=csv",
            "/shop/papers",
            "/shop/papers?handler=Bookkeeping&from=2026-04-01&to=2026-04-30",
            "/shop/papers?handler=FeeInvoice&month=2026-03",
        ];

        foreach (var path in paths)
        {
            var response = await till.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
            response.Headers.Location!.ToString().Should().Be("/denied", path);
        }

        var home = await till.GetStringAsync("/shop");
        home.Should().NotContain("/shop/settlements").And.NotContain("/shop/papers");
    }

    private const string ClerkPassword = "ClerkPass2026";

    private async Task<(string Email, HttpResponseMessage Added)> ClerkAsync()
    {
        var email = $"clerk{Guid.NewGuid():N}@test.example";
        var added = await _api.PostAsync(fixture.Shop.Client, "/api/v1/merchant/clerks", new { email, password = ClerkPassword });
        added.StatusCode.Should().Be(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        return (email, added);
    }
}
