using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

public sealed class BackgroundJobTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Dashboard_ForAnonymous_IsUnauthorized()
    {
        var response = await _api.Anonymous().GetAsync("/hangfire");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Dashboard_ForAResidentOrMerchant_IsForbidden()
    {
        var resident = await _api.ResidentAsync();
        var merchant = await _api.MerchantAsync();

        (await resident.Client.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await merchant.Client.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Dashboard_ForAdmin_IsServed()
    {
        var response = await (await _api.AdminAsync()).GetAsync("/hangfire");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Hangfire");
    }

    [Fact]
    public async Task SealJob_TriggeredTwice_SealsNewTransfersOnceAndVerifyStaysClean()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        await _api.BuyAsync(resident, program);

        var jobs = factory.Services.GetRequiredService<IRecurringJobManager>();
        jobs.Trigger("seal-ledger");
        jobs.Trigger("seal-ledger");
        var sealedCount = await factory.WaitForAsync(async db =>
        {
            var transfers = await db.Transfers.LongCountAsync();
            var sealedUpTo = await db.SealBlocks.Select(b => (long?)b.LastSequence).MaxAsync() ?? 0;
            var lastTransfer = await db.Transfers.MaxAsync(t => (long?)t.Sequence) ?? 0;
            return transfers > 0 && sealedUpTo == lastTransfer ? transfers : (long?)null;
        });

        sealedCount.Should().BeGreaterThan(0);
        var verify = await Api.JsonAsync(await (await _api.AdminAsync()).GetAsync("/api/v1/ledger/verify"));
        verify["ok"]!.GetValue<bool>().Should().BeTrue(verify.ToJsonString());
        verify["sealedTransfers"]!.GetValue<long>().Should().Be(verify["transfers"]!.GetValue<long>());
    }
}
