using System.Text;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlementStatement;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlementZengin;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;
using Tsuyama.LocalCurrency.Payouts;
using Tsuyama.LocalCurrency.Payouts.Zengin;
using Tsuyama.LocalCurrency.TestDatabases;
using Tsuyama.LocalCurrency.Tests.Support;
using static Tsuyama.LocalCurrency.Tests.Settlements.SettlementTestData;

namespace Tsuyama.LocalCurrency.Tests.Settlements;

public sealed class SettlementDocumentTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Guid> RegisterShopAsync(string name, string accountNumber) =>
        (await _host.MustAsync(new RegisterMerchantCommand(name, "テストショウテン", "Test Shop", "5411", MerchantSize.Small, "7080000",
            $"m{Guid.NewGuid():N}@example.jp", null, TestLedger.Payout("テストショウテン", accountNumber)))).MerchantId;

    [Fact]
    public async Task Zengin_ForASettlement_ParsesBackWithOneRecordPerPaidMerchant()
    {
        await _host.CreateProgramAsync(redemptionFeeBps: 150);
        var resident = await _host.RegisterResidentAsync();
        var a = await RegisterShopAsync("A", "1111111");
        var b = await RegisterShopAsync("B", "2222222");
        await RegisterShopAsync("Idle", "3333333");
        await _host.BuyAsync(resident);
        await _host.PayAsync(resident, a, 5_000);
        await _host.PayAsync(resident, b, 1_234);
        _host.SetJst(Day1.AddDays(2), 9); // Sunday 2026-04-12

        var done = await _host.MustAsync(Settle(Day1));
        var file = await _host.MustAsync(new GetSettlementZenginQuery(done.SettlementId));

        var parsed = ZenginFileReader.Parse(file.Content);
        file.FileName.Should().Be("zengin-2026-04-10.txt");
        parsed.Records.Should().HaveCount(2);
        parsed.Trailer.TotalAmount.Should().Be(done.PayoutYen).And.Be((5_000 - 75) + (1_234 - 18));
        parsed.Records.Select(r => r.AccountNumber).Should().BeEquivalentTo("1111111", "2222222");
        parsed.Records.Should().OnlyContain(r => r.BankNumber == "0168" && r.BranchNumber == "101" && r.BankName == "" && r.PayeeName == "ﾃｽﾄｼﾖｳﾃﾝ");
        parsed.Header.ClientCode.Should().Be("0000012345");
        parsed.Header.ClientName.Should().Be("ﾂﾔﾏｼ");
        parsed.Header.TransferDateMmdd.Should().Be("0416", "three business days after Sunday 12 April is Thursday 16 April");
    }

    [Fact]
    public async Task Zengin_UnknownSettlement_IsNotFound_AndAnEmptyOneHasNothingToPay()
    {
        (await _host.SendAsync(new GetSettlementZenginQuery(Guid.NewGuid()))).Error!.Status.Should().Be(404);

        await _host.CreateProgramAsync();
        _host.SetJst(Day1.AddDays(1), 9);
        var empty = await _host.MustAsync(Settle(Day1));

        var result = await _host.SendAsync(new GetSettlementZenginQuery(empty.SettlementId));
        result.Error!.Status.Should().Be(422);
        result.Error.Type.Should().Be(ProblemTypes.NothingToPay);
    }

    [Theory]
    [InlineData(2026, 4, 10, 3, 2026, 4, 15)] // Friday → Wednesday
    [InlineData(2026, 4, 13, 3, 2026, 4, 16)] // Monday → Thursday
    [InlineData(2026, 4, 11, 0, 2026, 4, 13)] // Saturday, no delay → Monday
    public void BusinessDays_SkipWeekends(int y, int m, int d, int days, int ey, int em, int ed) =>
        BusinessDays.Add(new DateOnly(y, m, d), days).Should().Be(new DateOnly(ey, em, ed));

    [Fact]
    public async Task Statement_ListsThePeriodAndAmounts_EncodesNames_AndMasksTheAccount()
    {
        await _host.CreateProgramAsync(redemptionFeeBps: 150);
        var resident = await _host.RegisterResidentAsync();
        var shop = await RegisterShopAsync("<b>津山&商店</b>", "1234567");
        var supplier = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(resident);
        var early = await _host.PayAsync(resident, shop, 400);
        _host.SetJst(Day1.AddDays(1), 10);
        await _host.MustAsync(Settle(Day1));

        var paid = await _host.PayAsync(resident, shop, 3_000);
        await _host.MustAsync(new RefundPaymentCommand(shop, paid.PaymentId, 500, IdempotencyScopes.Merchant(shop), _host.NextKey()));
        await _host.MustAsync(new TransferToMerchantCommand(shop, supplier, 1_000, IdempotencyScopes.Merchant(shop), _host.NextKey()));
        _host.SetJst(Day1.AddDays(2), 10);
        var done = await _host.MustAsync(Settle(Day1.AddDays(1)));

        var html = Encoding.UTF8.GetString((await _host.MustAsync(new GetSettlementStatementQuery(done.SettlementId, shop, StatementFormat.Html))).Content);
        var csvBytes = (await _host.MustAsync(new GetSettlementStatementQuery(done.SettlementId, shop, StatementFormat.Csv))).Content;

        // 3,000 − 500 − 1,000 = 1,500 points; fee 22 (tax 2); payout 1,478.
        html.Should().Contain("&lt;b&gt;津山&amp;商店&lt;/b&gt;").And.NotContain("<b>津山");
        html.Should().Contain("****567").And.NotContain("1234567");
        html.Should().Contain("2026-04-11 ～ 2026-04-11").And.Contain(paid.PaymentId.ToString()).And.NotContain(early.PaymentId.ToString());
        html.Should().Contain("1,500").And.Contain("1,478").And.Contain(">22<").And.Contain(">2<");
        csvBytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var csv = Encoding.UTF8.GetString(csvBytes.AsSpan(3));
        csv.Should().Contain("****567").And.NotContain("1234567");
        csv.Should().Contain("P1,Program P1,1500,22,2,1478\r\n");
        csv.Should().Contain($"お支払い受取,{paid.PaymentId},3000\r\n").And.Contain(",返金,").And.Contain(",-500\r\n").And.Contain(",-1000\r\n");
        csv.Should().Contain("加盟店,<b>津山&商店</b>\r\n");
    }

    [Fact]
    public async Task Statement_FormulaLikeName_IsNeutralisedInCsv()
    {
        await _host.CreateProgramAsync();
        var shop = await RegisterShopAsync("=HYPERLINK(\"x\")", "7654321");
        _host.SetJst(Day1.AddDays(1), 10);
        var done = await _host.MustAsync(Settle(Day1));

        var csv = Encoding.UTF8.GetString((await _host.MustAsync(new GetSettlementStatementQuery(done.SettlementId, shop, StatementFormat.Csv))).Content);

        csv.Should().Contain("加盟店,\"'=HYPERLINK(\"\"x\"\")\"\r\n");
        (await _host.SendAsync(new GetSettlementStatementQuery(done.SettlementId, Guid.NewGuid(), StatementFormat.Csv))).Error!.Type
            .Should().Be(ProblemTypes.NotFound);
    }
}
