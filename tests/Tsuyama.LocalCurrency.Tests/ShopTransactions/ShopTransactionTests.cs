using System.Text;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Features.ShopTransactions;
using Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopDay;
using Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopPayment;
using Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopTransactionsCsv;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.ShopTransactions;

public sealed class ShopTransactionTests() : OneShopTests(units: 2)
{
    private Task<PaymentMade> PayAsync(long amount) =>
        Host.MustAsync(new PayCommand(ResidentId, ShopId, amount, PaymentChannel.StoreQr, IdempotencyScopes.User(ResidentId), Host.NextKey()));

    private Task<RefundMade> RefundAsync(Guid payment, long amount) =>
        Host.MustAsync(new RefundPaymentCommand(ShopId, payment, amount, IdempotencyScopes.Merchant(ShopId), Host.NextKey()));

    [Fact]
    public async Task ShopDay_TotalsTheJstDaysPaymentsAndRefunds_NewestFirst()
    {
        // Start is 12:00 JST on 2026-04-10; 23:59 JST is still that day, 00:00 the next.
        var first = await PayAsync(1_000);
        Host.Clock.Advance(TimeSpan.FromHours(11) + TimeSpan.FromMinutes(59));
        var late = await PayAsync(2_000);
        await RefundAsync(first.PaymentId, 300);
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await PayAsync(4_000);
        await RefundAsync(late.PaymentId, 500);

        var day = await Host.MustAsync(new GetShopDayQuery(ShopId, new DateOnly(2026, 4, 10)));
        var next = await Host.MustAsync(new GetShopDayQuery(ShopId));

        day.Totals.Should().Be(new ShopTotals(2, 3_000, 300, 2_700));
        day.Items.Select(i => (i.Kind, i.Amount)).Should().Equal((ShopTransactionKind.Refund, 300L), (ShopTransactionKind.Payment, 2_000L),
            (ShopTransactionKind.Payment, 1_000L));
        day.Items[2].Refunded.Should().Be(300);
        next.Day.Should().Be(new DateOnly(2026, 4, 11));
        next.Totals.Should().Be(new ShopTotals(1, 4_000, 500, 3_500));
        day.Items[1].DisplayNumber.Should().Be(late.DisplayNumber).And.MatchRegex("^[0-9]{4}$");
    }

    [Fact]
    public async Task ShopDay_OfAnotherShop_ShowsNothingOfThisOne()
    {
        await PayAsync(1_000);
        var other = await Host.RegisterMerchantAsync();

        (await Host.MustAsync(new GetShopDayQuery(other))).Totals.Should().Be(new ShopTotals(0, 0, 0, 0));
    }

    [Fact]
    public async Task ShopPayment_ShowsPartsRefundsAndWhatIsStillRefundable_AndAnotherShopGetsNotFound()
    {
        var paid = await PayAsync(8_000);
        await RefundAsync(paid.PaymentId, 1_000);
        var other = await Host.RegisterMerchantAsync();

        var detail = await Host.MustAsync(new GetShopPaymentQuery(ShopId, paid.PaymentId));

        detail.Refundable.Should().Be(7_000);
        detail.Refunds.Should().ContainSingle().Which.Points.Should().Be(1_000);
        detail.Parts.Should().BeEquivalentTo(paid.Breakdown);
        (await Host.SendAsync(new GetShopPaymentQuery(other, paid.PaymentId))).Error!.Type.Should().Be(ProblemTypes.NotFound);
    }

    [Fact]
    public async Task TransactionsCsv_IsUtf8WithBomCrlfAndJstTimes()
    {
        var paid = await PayAsync(1_200);
        await RefundAsync(paid.PaymentId, 200);

        var file = await Host.MustAsync(new GetShopTransactionsCsvQuery(ShopId, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30)));

        file.Content.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(file.Content[3..]).Split("\r\n");
        lines[0].Should().Be("日時(日本時間),種別,受付番号,ポイント,返金済み,支払ID,取引ID");
        lines[1].Should().StartWith($"2026-04-10 12:00:00,支払い,{paid.DisplayNumber},1200,200,{paid.PaymentId}");
        lines[2].Should().StartWith("2026-04-10 12:00:00,返金,").And.Contain(",-200,,");
        lines[5].Should().Be("1,1200,200,1000");
        file.FileName.Should().Be("transactions-20260401-20260430.csv");
    }

    [Fact]
    public async Task TransactionsCsv_WithFromAfterTo_IsAValidationError() =>
        (await Host.SendAsync(new GetShopTransactionsCsvQuery(ShopId, new DateOnly(2026, 4, 2), new DateOnly(2026, 4,
            1)))).Error!.Type.Should().Be(ProblemTypes.Validation);
}
