using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.PaymentRequests.CreatePaymentRequest;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.PayByQr;
using Tsuyama.LocalCurrency.Features.Payments.QuotePayment;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Qr;
using Tsuyama.LocalCurrency.Tests.Qr;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Payments;

/// <summary>
/// The quote a resident sees before paying names the shop exactly one way and sums what each kind of points pays.
/// Also two refusals with no other test in this project: a dynamic code the wallet cannot cover, and a refund of a
/// payment that does not exist.
/// </summary>
public sealed class QuoteRulesTests : OneShopTests
{
    [Theory]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    public async Task Quote_NamingTheShopNotExactlyOnce_IsAValidationProblem(bool byId, bool byNumber, bool byQr)
    {
        var number = await Host.StoreNumberAsync(ShopId);
        var qr = MerchantQrBuilder.BuildStoreCode(QrTestPayloads.Merchant with { MerchantId = ShopId });

        var result = await Host.SendAsync(new QuotePaymentQuery(ResidentId, byId ? ShopId : null, byNumber ? number : null, byQr ? qr : null, 500));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
        result.Error.Fields!.Keys.Should().Contain("storeNumber");
    }

    [Fact]
    public async Task Quote_WithAMistypedStoreNumber_SaysSoBesideTheField()
    {
        var number = await Host.StoreNumberAsync(ShopId);
        var typo = number[..5] + (number[5] == '0' ? '1' : '0');

        var result = await Host.SendAsync(new QuotePaymentQuery(ResidentId, null, typo, null, 500));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
        result.Error.Fields!["storeNumber"].Should().ContainSingle().Which.Should().Contain("6-digit");
    }

    [Theory]
    [InlineData(0L, "amount")]
    [InlineData(null, "amount")]
    public async Task Quote_ByStoreNumberWithoutAPositiveAmount_IsAValidationProblem(long? amount, string field)
    {
        var result = await Host.SendAsync(new QuotePaymentQuery(ResidentId, null, await Host.StoreNumberAsync(ShopId), null, amount));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
        result.Error.Fields!.Keys.Should().Contain(field);
    }

    [Fact]
    public async Task Quote_ByStoreNumber_FindsTheShopAndSumsEachKind()
    {
        Host.Clock.Advance(TimeSpan.FromHours(1));
        await Host.BuyAsync(ResidentId);

        var quote = await Host.MustAsync(new QuotePaymentQuery(ResidentId, null, await Host.StoreNumberAsync(ShopId), null, 7_500));

        quote.MerchantId.Should().Be(ShopId);
        quote.Lots.Select(l => l.Points).Should().Equal([7_000, 500], "two small-business lots are drawn");
        quote.Breakdown.Should().ContainSingle().Which.Should().Be(new PaymentPart("P1", PointKind.SmallBusiness, 7_500));
        quote.SpendableAfter.Should().Be(26_000 - 7_500);
    }

    [Fact]
    public async Task PayDynamicQr_ForMoreThanTheWalletHolds_IsInsufficientAndTheRequestStaysOpen()
    {
        var request = await Host.MustAsync(new CreatePaymentRequestCommand(ShopId, 20_000));

        var result = await Host.SendAsync(new PayByQrCommand(ResidentId, request.Payload, null, IdempotencyScopes.User(ResidentId), Host.NextKey()));

        result.Error!.Type.Should().Be(ProblemTypes.InsufficientBalance);
        (await Host.WithDbAsync(db => db.PaymentRequests.Where(p => p.Id == request.RequestId).Select(p => p.PaymentId).FirstAsync())).Should().BeNull();
        (await Host.BalanceAsync(ShopId)).Should().Be(0);
    }

    [Fact]
    public async Task Refund_OfAPaymentThatDoesNotExist_IsNotFound()
    {
        var result = await Host.SendAsync(new RefundPaymentCommand(ShopId, Guid.NewGuid(), 100, $"merchant:{ShopId}", Host.NextKey()));

        result.Error!.Type.Should().Be(ProblemTypes.NotFound);
    }
}
