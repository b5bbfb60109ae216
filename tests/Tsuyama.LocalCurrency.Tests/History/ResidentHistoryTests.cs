using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Expiry.ExpirePoints;
using Tsuyama.LocalCurrency.Features.History;
using Tsuyama.LocalCurrency.Features.History.GetResidentHistory;
using Tsuyama.LocalCurrency.Features.History.GetResidentHistoryEntry;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.History;

public sealed class ResidentHistoryTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;
    private Guid _resident;
    private Guid _shop;
    private Guid _payment;
    private Guid _refund;

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync();
        await _host.CreateProgramAsync("SOON", expiresOn: _host.Today.AddDays(5), salesUntil: _host.Today.AddDays(1));
        await _host.CreateProgramAsync("LATER", expiresOn: _host.Today.AddDays(100));
        _resident = await _host.RegisterResidentAsync();
        _shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(_resident, "LATER");
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        _payment = (await _host.MustAsync(new PayCommand(_resident, _shop, 8_000, PaymentChannel.StoreQr,
            IdempotencyScopes.User(_resident), _host.NextKey()))).PaymentId;
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        _refund = (await _host.MustAsync(new RefundPaymentCommand(_shop, _payment, 3_000, IdempotencyScopes.Merchant(_shop), _host.NextKey()))).RefundId;
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await _host.BuyAsync(_resident, "SOON");
        _host.Clock.Advance(TimeSpan.FromDays(6));
        await _host.MustAsync(new ExpirePointsCommand(_host.Today));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task History_IsNewestFirstWithTheRunningBalance()
    {
        var history = await _host.MustAsync(new GetResidentHistoryQuery(_resident));

        history.Items.Select(e => (e.Kind, e.Points, e.BalanceAfter)).Should().Equal(
            (HistoryKind.Expiry, -13_000L, 8_000L),
            (HistoryKind.Purchase, 13_000L, 21_000L),
            (HistoryKind.Refund, 3_000L, 8_000L),
            (HistoryKind.Payment, -8_000L, 5_000L),
            (HistoryKind.Purchase, 13_000L, 13_000L));
        history.Items[2].StoreName.Should().Be("テスト商店");
        history.Items[3].MerchantId.Should().Be(_shop);
        history.Total.Should().Be(5);
        (await _host.BalanceAsync(_resident)).Should().Be(history.Items[0].BalanceAfter);
    }

    [Fact]
    public async Task History_IsPaged()
    {
        var second = await _host.MustAsync(new GetResidentHistoryQuery(_resident, Page: 2, PageSize: 2));

        second.Items.Select(e => e.Kind).Should().Equal(HistoryKind.Refund, HistoryKind.Payment);
        (await _host.SendAsync(new GetResidentHistoryQuery(_resident, PageSize: 0))).Error!.Type.Should().Be(ProblemTypes.Validation);
    }

    [Fact]
    public async Task PaymentDetail_ShowsTheShopThePointsUsedByProgramAndKindAndItsRefunds()
    {
        var detail = await _host.MustAsync(new GetResidentHistoryEntryQuery(_resident, _payment));

        detail.Kind.Should().Be(HistoryKind.Payment);
        detail.StoreName.Should().Be("テスト商店");
        detail.StoreNumber.Should().NotBeNullOrEmpty();
        detail.Points.Should().Be(-8_000);
        detail.Parts.Should().BeEquivalentTo(new[] { new PaymentPart("LATER", PointKind.SmallBusiness, 7_000), new PaymentPart("LATER",
            PointKind.General, 1_000) });
        detail.Refunds.Should().ContainSingle().Which.Should().BeEquivalentTo(new { RefundId = _refund, Points = 3_000L });
    }

    [Fact]
    public async Task RefundDetail_NamesThePaymentItGaveBack()
    {
        var detail = await _host.MustAsync(new GetResidentHistoryEntryQuery(_resident, _refund));

        detail.Kind.Should().Be(HistoryKind.Refund);
        detail.PaymentId.Should().Be(_payment);
        detail.Points.Should().Be(3_000);
    }

    [Fact]
    public async Task EntryDetail_OfAnotherResident_IsNotFound()
    {
        var other = await _host.RegisterResidentAsync();

        (await _host.SendAsync(new GetResidentHistoryEntryQuery(other, _payment))).Error!.Type.Should().Be(ProblemTypes.NotFound);
    }
}
