using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>The daily and cutoff jobs, triggered through Hangfire as the scheduler would.</summary>
public sealed class ScheduledJobTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task DailyJobs_RemindThenExpireResidentPointsButNeverMerchantBalances_AndTheCutoffJobSettles()
    {
        var program = await _api.CreateProgramAsync(); // expires 180 days after the start day
        var resident = await _api.ResidentAsync();
        var shop = await _api.MerchantAsync();
        await _api.BuyAsync(resident, program);
        await _api.PostMovingAsync(resident.Client, "/api/v1/payments", new { qrPayload = await _api.StoreQrAsync(shop.Id), amount = 3_000 });
        var jobs = factory.Services.GetRequiredService<IRecurringJobManager>();

        // The day after the cutoff: the settlement trigger enqueues yesterday's cutoff.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        jobs.Trigger("settlement-1");
        jobs.Trigger("settlement-1");
        await factory.WaitUntilAsync(db => db.Settlements.AnyAsync());
        await Task.Delay(500);
        (await factory.WithDbAsync(db => db.Settlements.CountAsync())).Should().Be(1);
        (await factory.WithDbAsync(db => db.Balances.Where(b => b.AccountId == shop.Id).SumAsync(b => b.Amount))).Should().Be(0);

        // 30 days before expiry: one reminder per lot kind, stored once however often the job runs.
        factory.Clock.Advance(TimeSpan.FromDays(149));
        jobs.Trigger("expiry-reminders");
        jobs.Trigger("expiry-reminders");
        await factory.WaitUntilAsync(db => db.Notifications.AnyAsync());
        await Task.Delay(500);
        var reminded = await (await _api.SignInAgainAsync(resident)).Client.GetFromJsonAsync<JsonArray>("/api/v1/notifications");
        reminded!.Should().HaveCount(1);
        reminded![0]!["points"]!.GetValue<long>().Should().Be(10_000);

        // The day after the last valid day: the wallet empties into `expired`.
        factory.Clock.Advance(TimeSpan.FromDays(31));
        jobs.Trigger("expire-points");
        await factory.WaitUntilAsync(db => db.Lots.AllAsync(l => l.Remaining == 0));
        (await factory.WithDbAsync(db => db.Balances.Where(b => b.AccountId == resident.Id).SumAsync(b => b.Amount))).Should().Be(0);
        var verify = await (await _api.AdminAsync()).GetFromJsonAsync<JsonObject>("/api/v1/ledger/verify");
        verify!["ok"]!.GetValue<bool>().Should().BeTrue(verify.ToJsonString());
    }
}
