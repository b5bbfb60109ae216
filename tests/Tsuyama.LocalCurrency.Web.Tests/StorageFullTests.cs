using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Web.Tests.Support;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>A full disk, played by SQLite's max_page_count: the database cannot grow by one page.</summary>
public sealed class StorageFullTests : IAsyncLifetime
{
    private readonly CappedApiFactory _factory = new();
    private Api _api = null!;

    public Task InitializeAsync()
    {
        _api = new Api(_factory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Pay_WhenTheDatabaseIsFull_Returns503StorageFull_ChangesNothing_AndSucceedsOnceSpaceReturns()
    {
        var program = await _api.CreateProgramAsync();
        var resident = await _api.ResidentAsync();
        var merchant = await _api.MerchantAsync();
        await _api.BuyAsync(resident, program, 1);
        var qr = await _api.StoreQrAsync(merchant.Id);

        _factory.Cap.Full = true;
        var (accepted, key) = (0, "");
        HttpResponseMessage? full = null;
        // Pages freed earlier can still take a few payments; the first one that needs a new page must fail cleanly.
        for (var i = 0; i < 500 && full is null; i++)
        {
            key = _api.NewKey();
            var response = await _api.PostAsync(resident.Client, "/api/v1/payments", new { qrPayload = qr, amount = 10 }, key);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                accepted++;
            }
            else
            {
                full = response;
            }
        }

        full.Should().NotBeNull("a database that cannot grow must run out of room");
        await Api.ProblemAsync(full!, HttpStatusCode.ServiceUnavailable, "storage-full");
        full!.Headers.RetryAfter.Should().NotBeNull();
        (await _factory.WithDbAsync(db => db.Payments.CountAsync())).Should().Be(accepted, "the failed payment left nothing behind");
        (await _api.WalletTotalAsync(resident)).Should().Be(13_000 - (10 * accepted));

        _factory.Cap.Full = false;
        var retried = await _api.PostAsync(resident.Client, "/api/v1/payments", new { qrPayload = qr, amount = 10 }, key);

        retried.StatusCode.Should().Be(HttpStatusCode.Created, await retried.Content.ReadAsStringAsync());
        (await _api.WalletTotalAsync(resident)).Should().Be(13_000 - (10 * (accepted + 1)));
        (await _api.MerchantBalanceAsync(merchant)).Should().Be(10 * (accepted + 1));
        var verify = await (await _api.AdminAsync()).GetAsync("/api/v1/ledger/verify");
        (await Api.JsonAsync(verify))["ok"]!.GetValue<bool>().Should().BeTrue();
    }

    private sealed class CappedApiFactory : ApiFactory
    {
        public PageCap Cap { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<LedgerDbContext>(o => o.AddInterceptors(Cap)));
        }
    }

    /// <summary>While full, every connection may not grow the file (SQLite keeps the limit at the current size).</summary>
    private sealed class PageCap : DbConnectionInterceptor
    {
        public volatile bool Full;

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Full ? "PRAGMA max_page_count = 1" : "PRAGMA max_page_count = 1073741823";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Full ? "PRAGMA max_page_count = 1" : "PRAGMA max_page_count = 1073741823";
            command.ExecuteNonQuery();
        }
    }
}
