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

    /// <summary>
    /// While full, no connection may grow the file (SQLite keeps the limit at the current size). The limit is
    /// a per-connection setting, and the writer gate keeps its group-commit connection open (ADR 24), so it
    /// is applied before each command on a connection that has not yet seen the current state, not only when
    /// a connection opens.
    /// </summary>
    private sealed class PageCap : DbCommandInterceptor, IDbConnectionInterceptor
    {
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbConnection, object> _applied = [];
        private static readonly object Capped = new(), Uncapped = new();

        public volatile bool Full;

        private void Apply(DbConnection? connection, DbTransaction? transaction)
        {
            var want = Full ? Capped : Uncapped;
            if (connection is null || (_applied.TryGetValue(connection, out var state) && state == want))
            {
                return;
            }

            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = want == Capped ? "PRAGMA max_page_count = 1" : "PRAGMA max_page_count = 1073741823";
            command.ExecuteNonQuery();
            _applied.AddOrUpdate(connection, want);
        }

        public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection, null);

        public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection, null);
            return Task.CompletedTask;
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Apply(command.Connection, command.Transaction);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Apply(command.Connection, command.Transaction);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Apply(command.Connection, command.Transaction);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Apply(command.Connection, command.Transaction);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Apply(command.Connection, command.Transaction);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Apply(command.Connection, command.Transaction);
            return ValueTask.FromResult(result);
        }
    }
}
