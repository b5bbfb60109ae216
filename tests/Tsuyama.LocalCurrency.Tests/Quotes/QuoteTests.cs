using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.QuoteMerchantTransfer;
using Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;
using Tsuyama.LocalCurrency.Features.PaymentRequests.CreatePaymentRequest;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.PayByQr;
using Tsuyama.LocalCurrency.Features.Payments.QuotePayment;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Quotes;

public sealed class QuoteTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;
    private Guid _resident;

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync();
        await _host.CreateProgramAsync("EARLY", expiresOn: _host.Today.AddDays(60));
        await _host.CreateProgramAsync("LATE", expiresOn: _host.Today.AddDays(120));
        _resident = await _host.RegisterResidentAsync();
        await _host.BuyAsync(_resident, "LATE");
        await _host.BuyAsync(_resident, "EARLY");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private QuotePaymentQuery Quote(Guid merchant, long amount) => new(_resident, merchant, null, null, amount);

    [Fact]
    public async Task QuotePayment_AtSmallShop_ListsTheLotsInSpendOrder_AndThePaymentDrawsExactlyThose()
    {
        var shop = await _host.RegisterMerchantAsync(MerchantSize.Small);

        var quote = await _host.MustAsync(Quote(shop, 15_000));
        var transfersBefore = await _host.TransferCountAsync();
        var paid = await _host.MustAsync(new PayCommand(_resident, shop, 15_000, PaymentChannel.StoreQr, IdempotencyScopes.User(_resident), _host.NextKey()));

        quote.Lots.Should().Equal(
            new QuotedLot("EARLY", PointKind.SmallBusiness, _host.Today.AddDays(60), 7_000),
            new QuotedLot("LATE", PointKind.SmallBusiness, _host.Today.AddDays(120), 7_000),
            new QuotedLot("EARLY", PointKind.General, _host.Today.AddDays(60), 1_000));
        quote.Breakdown.Should().Equal(paid.Breakdown);
        quote.SpendableAfter.Should().Be(26_000 - 15_000);
        transfersBefore.Should().Be(2 * 2, "a quote moves nothing: only the two purchases' issues exist before the payment");
    }

    [Fact]
    public async Task QuotePayment_WhenBalanceTooLow_ReturnsInsufficientBalanceAsThePaymentWould()
    {
        var shop = await _host.RegisterMerchantAsync();

        var quote = await _host.SendAsync(Quote(shop, 26_001));
        var pay = await _host.SendAsync(new PayCommand(_resident, shop, 26_001, PaymentChannel.StoreQr, IdempotencyScopes.User(_resident), _host.NextKey()));

        quote.Error.Should().Be(pay.Error);
        quote.Error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
    }

    [Fact]
    public async Task QuotePayment_AtLargeShopThatCannotTakeTheSmallBusinessPoints_ReturnsMerchantNotEligible()
    {
        var large = await _host.RegisterMerchantAsync(MerchantSize.Large);

        var quote = await _host.SendAsync(Quote(large, 13_000));

        quote.Error!.Type.Should().Be(ProblemTypes.MerchantNotEligible);
        (await _host.MustAsync(Quote(large, 12_000))).Lots.Should().OnlyContain(l => l.Kind == PointKind.General);
    }

    [Fact]
    public async Task QuotePayment_OfAPaidPaymentRequest_ReturnsExpired()
    {
        var shop = await _host.RegisterMerchantAsync();
        var request = await _host.MustAsync(new CreatePaymentRequestCommand(shop, 1_000));
        var pending = await _host.MustAsync(new QuotePaymentQuery(_resident, null, null, request.Payload, null));
        await _host.MustAsync(new PayByQrCommand(_resident, request.Payload, null, IdempotencyScopes.User(_resident), _host.NextKey()));

        var again = await _host.SendAsync(new QuotePaymentQuery(_resident, null, null, request.Payload, null));

        pending.Amount.Should().Be(1_000);
        pending.MerchantId.Should().Be(shop);
        again.Error!.Type.Should().Be(ProblemTypes.Expired);
    }

    [Fact]
    public async Task QuotePayment_NamingNoShopOrTwo_IsAValidationError()
    {
        var shop = await _host.RegisterMerchantAsync();

        (await _host.SendAsync(new QuotePaymentQuery(_resident, null, null, null, 100))).Error!.Type.Should().Be(ProblemTypes.Validation);
        (await _host.SendAsync(new QuotePaymentQuery(_resident, shop, "123456", null, 100))).Error!.Type.Should().Be(ProblemTypes.Validation);
    }

    [Fact]
    public async Task QuoteMerchantTransfer_ShowsTheFeeTheTransferCharges_AndMovesNothing()
    {
        var shop = await _host.RegisterMerchantAsync();
        var supplier = await _host.RegisterMerchantAsync();
        await _host.MustAsync(new PayCommand(_resident, shop, 10_000, PaymentChannel.StoreQr, IdempotencyScopes.User(_resident), _host.NextKey()));

        var quote = await _host.MustAsync(new QuoteMerchantTransferQuery(shop, supplier, 9_999));
        (await _host.BalanceAsync(supplier)).Should().Be(0);
        var made = await _host.MustAsync(new TransferToMerchantCommand(shop, supplier, 9_999, IdempotencyScopes.Merchant(shop), _host.NextKey()));

        quote.Fee.Should().Be(made.Fee).And.BePositive();
        quote.Received.Should().Be(9_999 - made.Fee);
        (await _host.BalanceAsync(supplier)).Should().Be(quote.Received);
    }

    [Fact]
    public async Task QuoteMerchantTransfer_BeyondTheBalance_ReturnsInsufficientBalance()
    {
        var shop = await _host.RegisterMerchantAsync();
        var supplier = await _host.RegisterMerchantAsync();

        (await _host.SendAsync(new QuoteMerchantTransferQuery(shop, supplier, 1))).Error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
        (await _host.SendAsync(new QuoteMerchantTransferQuery(shop, Guid.NewGuid(), 1))).Error!.Type.Should().Be(ProblemTypes.NotFound);
    }
}
