using Tsuyama.LocalCurrency.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Features.Sales.ProviderCallback;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Sales;

public sealed class ProviderCallbackTests : IAsyncLifetime
{
    private const string Secret = "provider-shared-secret-for-tests";
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await LedgerTestHost.CreateAsync(s => s.Configure<SalesOptions>(o => o.ProviderSecret = Secret));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Signed as the provider documents it, computed here without the product's code.</summary>
    private ProviderCallbackCommand Signed(string body, DateTimeOffset? at = null, string secret = Secret)
    {
        var timestamp = (at ?? _host.Clock.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        return new ProviderCallbackCommand(body, timestamp, signature);
    }

    private static string Body(string eventId, Guid applicationId, long amount) =>
        $$"""{"eventId":"{{eventId}}","applicationId":"{{applicationId}}","amountYen":{{amount}},"method":"card"}""";

    private async Task<(Guid Resident, ApplicationView Application)> WinnerAsync()
    {
        await _host.SalesProgramAsync(AllocationRule.FirstCome, totalUnits: 10);
        return await _host.ApplyAsync(1);
    }

    private async Task ShouldHaveChangedNothingAsync(Guid resident, Guid application)
    {
        (await _host.WalletAsync(resident)).Should().Be(0);
        (await _host.ApplicationAsync(application)).Status.Should().Be(ApplicationStatus.Won);
        (await _host.WithDbAsync(db => db.ProviderEvents.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Callback_SignedAndFresh_ConfirmsThePaymentOnce()
    {
        var (resident, application) = await WinnerAsync();

        var confirmed = await _host.MustAsync(Signed(Body("evt_1", application.ApplicationId, 10_000)));

        confirmed.Purchase.Points.Should().Be(new PurchasedPoints(6_000, 7_000));
        (await _host.WalletAsync(resident)).Should().Be(13_000);
        var purchase = await _host.WithDbAsync(db => db.Purchases.AsNoTracking().FirstAsync());
        (purchase.Channel, purchase.PaymentMethod, purchase.ConfirmedBy).Should().Be((PurchaseChannel.Provider, "card", "provider:evt_1"));
    }

    [Fact]
    public async Task Callback_WithABadSignature_Returns401AndChangesNothing()
    {
        var (resident, application) = await WinnerAsync();
        var good = Signed(Body("evt_1", application.ApplicationId, 10_000));

        var wrongSecret = await _host.SendAsync(Signed(Body("evt_1", application.ApplicationId, 10_000), secret: "someone-else"));
        var tampered = await _host.SendAsync(good with { Body = Body("evt_1", application.ApplicationId, 20_000) });
        var missing = await _host.SendAsync(good with { Signature = null });

        foreach (var result in new[] { wrongSecret, tampered, missing })
        {
            result.Error!.Status.Should().Be(401);
            result.Error.Type.Should().Be(ProblemTypes.InvalidSignature);
        }

        await ShouldHaveChangedNothingAsync(resident, application.ApplicationId);
    }

    [Fact]
    public async Task Callback_WithATimestampOlderThanFiveMinutes_Returns401AndChangesNothing()
    {
        var (resident, application) = await WinnerAsync();

        var old = await _host.SendAsync(Signed(Body("evt_1", application.ApplicationId, 10_000), _host.Clock.GetUtcNow().AddMinutes(-6)));
        var future = await _host.SendAsync(Signed(Body("evt_1", application.ApplicationId, 10_000), _host.Clock.GetUtcNow().AddMinutes(6)));

        old.Error!.Status.Should().Be(401);
        future.Error!.Status.Should().Be(401);
        await ShouldHaveChangedNothingAsync(resident, application.ApplicationId);
    }

    [Fact]
    public async Task Callback_ReplayedEventId_Returns409AndChangesNothing()
    {
        var (resident, application) = await WinnerAsync();
        var callback = Signed(Body("evt_1", application.ApplicationId, 10_000));
        await _host.MustAsync(callback);
        var transfers = await _host.TransferCountAsync();
        _host.Clock.Advance(TimeSpan.FromMinutes(1));

        var replay = await _host.SendAsync(callback);
        var resigned = await _host.SendAsync(Signed(Body("evt_1", application.ApplicationId, 10_000)));

        replay.Error!.Status.Should().Be(409);
        replay.Error.Type.Should().Be(ProblemTypes.ReplayedEvent);
        resigned.Error!.Type.Should().Be(ProblemTypes.ReplayedEvent);
        (await _host.WalletAsync(resident)).Should().Be(13_000);
        (await _host.TransferCountAsync()).Should().Be(transfers);
    }

    [Fact]
    public async Task Callback_WhenNoSecretIsConfigured_Returns401()
    {
        await using var host = await LedgerTestHost.CreateAsync();

        var result = await host.SendAsync(new ProviderCallbackCommand("{}", "0", new string('0', 64)));

        result.Error!.Status.Should().Be(401);
    }
}
