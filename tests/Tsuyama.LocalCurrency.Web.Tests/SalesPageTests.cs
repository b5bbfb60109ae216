using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>The resident's voucher-sales pages over the same use cases as the API, with a cookie sign-in.</summary>
public sealed class SalesPageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    private DateOnly Today => JapanTime.Today(factory.Clock);

    private async Task<string> SaleAsync(string rule, int fromDays, int untilDays)
    {
        var program = await _api.CreateProgramAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programs/{program}/sales")
        {
            Content = JsonContent.Create(new
            {
                rule, applicationFrom = Today.AddDays(fromDays), applicationUntil = Today.AddDays(untilDays), paymentDays = 7, premiumBudget = (long?)null,
            }),
        };
        var response = await (await _api.AdminAsync()).SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return program;
    }

    private async Task<(Party Resident, HttpClient Pages)> ResidentAsync()
    {
        var resident = await _api.ResidentAsync();
        return (resident, await PageSession.SignInAsync(factory, resident.Email, resident.Password));
    }

    [Fact]
    public async Task OpenSales_ListOpenAndUpcomingSales_ButNotOnesWhoseWindowIsOver()
    {
        var (open, upcoming, over) = (await SaleAsync("firstCome", 0, 3), await SaleAsync("lottery", 2, 5), await SaleAsync("firstCome", -5, -1));

        var sales = (await _api.Anonymous().GetFromJsonAsync<JsonArray>("/api/v1/sales"))!.Select(s => s!.AsObject()).ToList();

        sales.Should().Contain(s => s["programCode"]!.GetValue<string>() == open && s["isOpen"]!.GetValue<bool>());
        sales.Should().Contain(s => s["programCode"]!.GetValue<string>() == upcoming && !s["isOpen"]!.GetValue<bool>());
        sales.Should().NotContain(s => s["programCode"]!.GetValue<string>() == over);
        var (_, pages) = await ResidentAsync();
        var page = await pages.GetStringAsync("/wallet/sales");
        page.Should().Contain($"/wallet/sales/apply/{open}").And.NotContain($"/wallet/sales/apply/{upcoming}").And.NotContain(over);
    }

    [Fact]
    public async Task ApplyPage_FirstCome_AppliesOnce_AndASecondPostShowsTheSameApplication()
    {
        var program = await SaleAsync("firstCome", 0, 3);
        var (resident, pages) = await ResidentAsync();

        var applied = await ConsolePages.PostFormAsync(pages, $"/wallet/sales/apply/{program}", $"/wallet/sales/apply/{program}", new() { ["Units"] = "2" });
        applied.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = applied.Headers.Location!.ToString();
        location.Should().MatchRegex("^/wallet/sales/applications/[0-9a-f-]{36}\\?applied=1$");
        var status = await pages.GetStringAsync(location);
        status.Should().Contain("購入できます（お支払い待ち）").And.Contain("20,000 円").And.Contain($"{Today.AddDays(7):yyyy年M月d日}");

        var again = await ConsolePages.PostFormAsync(pages, $"/wallet/sales/apply/{program}", $"/wallet/sales/apply/{program}", new() { ["Units"] = "2" });
        again.Headers.Location!.ToString().Should().Be(location.Split('?')[0], "the second tap shows the first application");
        var mine = await resident.Client.GetFromJsonAsync<JsonArray>("/api/v1/applications");
        mine!.Count(a => a!["programCode"]!.GetValue<string>() == program).Should().Be(1);
    }

    [Fact]
    public async Task ApplyPage_TooManyOrNoUnits_SaysSoBesideTheField_InJapanese()
    {
        var program = await SaleAsync("lottery", 0, 3);
        var (_, pages) = await ResidentAsync();

        foreach (var units in new[] { "99", "abc" })
        {
            var refused = await ConsolePages.PostFormAsync(
                pages,
                $"/wallet/sales/apply/{program}",
                $"/wallet/sales/apply/{program}",
                new() { ["Units"] = units });
            refused.StatusCode.Should().Be(HttpStatusCode.OK, units);
            (await refused.Content.ReadAsStringAsync()).Should().Contain("口数は 1 から 10 までの数で入力してください。").And.NotContain("is not valid");
        }
    }

    [Fact]
    public async Task ApplicationPage_Withdraws_WhileOpen_AndAnotherResidentCannotSeeIt()
    {
        var program = await SaleAsync("lottery", 0, 3);
        var (_, pages) = await ResidentAsync();
        var applied = await ConsolePages.PostFormAsync(pages, $"/wallet/sales/apply/{program}", $"/wallet/sales/apply/{program}", new() { ["Units"] = "1" });
        var path = applied.Headers.Location!.ToString().Split('?')[0];
        (await pages.GetStringAsync(path)).Should().Contain("抽選待ち");

        var (_, stranger) = await ResidentAsync();
        (await stranger.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var withdrawn = await ConsolePages.PostFormAsync(pages, path, path + "?handler=Withdraw", []);
        withdrawn.Headers.Location!.ToString().Should().Be(path + "?withdrawn=1");
        (await pages.GetStringAsync(path)).Should().Contain("取り下げ済み").And.NotContain("data-testid=\"withdraw\"");
    }
}
