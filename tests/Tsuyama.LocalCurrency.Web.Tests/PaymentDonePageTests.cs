using System.Net;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>The pay form answers 303 to a completion page of its own: a reload never pays again, only the payer sees it.</summary>
public sealed class PaymentDonePageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Pay_OnTheConfirmPage_RedirectsWith303ToItsCompletion_WhichReloadsWithoutPayingAgain()
    {
        var program = await _api.CreateProgramAsync();
        var shop = await _api.MerchantAsync();
        var resident = await _api.ResidentAsync();
        await _api.BuyAsync(resident, program);
        var store = await Browser.BrowserSetup.StoreNumberAsync(factory, shop.Id);
        var pages = await PageSession.SignInAsync(factory, resident.Email, resident.Password);
        var before = await _api.WalletTotalAsync(resident);

        var paid = await ConsolePages.PostFormAsync(pages, $"/wallet/pay/confirm?store={store}&amount=1234", "/wallet/pay/confirm",
            new() { ["store"] = store, ["amount"] = "1234" });

        paid.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var done = paid.Headers.Location!.ToString();
        done.Should().MatchRegex("^/wallet/pay/done/[0-9a-f-]{36}$");
        for (var i = 0; i < 2; i++)
        {
            var page = await pages.GetStringAsync(done);
            page.Should().Contain("1,234")
                .And.Contain("城下町ベーカリー")
                .And.Contain("data-live-clock")
                .And.NotContain("data-testid=\"done-old\"")
                .And.Contain("data-no-chime=\"\"");
        }

        (await _api.WalletTotalAsync(resident)).Should().Be(before - 1_234, "two views of the completion, one payment");
        var stranger = await _api.ResidentAsync();
        (await (await PageSession.SignInAsync(factory, stranger.Email, stranger.Password)).GetAsync(done)).StatusCode
            .Should().Be(HttpStatusCode.NotFound, "only the payer may view it");

        factory.Clock.Advance(DoneModelFresh + TimeSpan.FromMinutes(1));
        var later = await pages.GetStringAsync(done);
        later.Should().Contain("data-testid=\"done-old\"").And.Contain("いまのお支払いではありません").And.Contain("data-no-chime=\"old\"");
    }

    private static TimeSpan DoneModelFresh => Pages.Wallet.Pay.DoneModel.Fresh;
}
