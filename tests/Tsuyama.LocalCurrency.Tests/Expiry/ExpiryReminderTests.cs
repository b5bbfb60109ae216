using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Expiry.GetNotifications;
using Tsuyama.LocalCurrency.Features.Expiry.SendExpiryReminders;
using Tsuyama.LocalCurrency.Tests.Settlements;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Expiry;

public sealed class ExpiryReminderTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Reminders_ThirtyAndSevenDaysBefore_AreStoredOnce()
    {
        var expiresOn = _host.Today.AddDays(30);
        await _host.CreateProgramAsync(expiresOn: expiresOn);
        var resident = await _host.RegisterResidentAsync();
        var emptyHanded = await _host.RegisterResidentAsync();
        var shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(resident);
        await _host.BuyAsync(emptyHanded);
        await _host.PayAsync(emptyHanded, shop, 13_000);

        (await _host.MustAsync(new SendExpiryRemindersCommand(_host.Today))).Stored.Should().Be(1);
        (await _host.MustAsync(new SendExpiryRemindersCommand(_host.Today))).Stored.Should().Be(0);
        (await _host.MustAsync(new SendExpiryRemindersCommand(_host.Today.AddDays(1)))).Stored.Should().Be(0, "29 days before is neither reminder");
        _host.SetJst(expiresOn.AddDays(-7), 6);
        (await _host.MustAsync(new SendExpiryRemindersCommand(_host.Today))).Stored.Should().Be(1);
        (await _host.MustAsync(new SendExpiryRemindersCommand(_host.Today))).Stored.Should().Be(0);

        var notes = await _host.MustAsync(new GetNotificationsQuery(resident));

        notes.Select(n => (n.Kind, n.ExpiresOn, n.Points, n.ProgramCode)).Should().Equal(
            (NotificationKind.Reminder7, expiresOn, 13_000L, "P1"),
            (NotificationKind.Reminder30, expiresOn, 13_000L, "P1"));
        (await _host.MustAsync(new GetNotificationsQuery(emptyHanded))).Should().BeEmpty("a resident with nothing left to lose is not reminded");
    }
}
