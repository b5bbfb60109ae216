using Tsuyama.LocalCurrency.Common;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;
using Tsuyama.LocalCurrency.Features.Papers;
using Tsuyama.LocalCurrency.Features.Papers.GetRedemptionInvoice;
using Tsuyama.LocalCurrency.Features.Papers.GetTransferFeeInvoice;
using Tsuyama.LocalCurrency.Tests.Support;
using static Tsuyama.LocalCurrency.Tests.Papers.PaperTestData;
using static Tsuyama.LocalCurrency.Tests.Settlements.SettlementTestData;

namespace Tsuyama.LocalCurrency.Tests.Papers;

public sealed class InvoiceTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Two programs, 400 points each at 1.5 %: a fee of 6 yen per program line.</summary>
    private async Task<(Guid Shop, Guid SettlementId)> SettleTwoSmallFeesAsync()
    {
        await _host.CreateProgramAsync("P1", redemptionFeeBps: 150);
        await _host.CreateProgramAsync("P2", redemptionFeeBps: 150);
        var shop = await _host.RegisterMerchantAsync();
        var (a, b) = (await _host.RegisterResidentAsync(), await _host.RegisterResidentAsync());
        await _host.BuyAsync(a, "P1");
        await _host.BuyAsync(b, "P2");
        await _host.PayAsync(a, shop, 400);
        await _host.PayAsync(b, shop, 400);
        _host.SetJst(Day1.AddDays(1), 9);
        var done = await _host.MustAsync(Settle(Day1));
        return (shop, done.SettlementId);
    }

    [Fact]
    public async Task RedemptionInvoice_TaxIsRoundedOncePerInvoice_NotPerProgramLine()
    {
        var (shop, settlementId) = await SettleTwoSmallFeesAsync();
        var perLine = await _host.WithDbAsync(db => db.SettlementLines
            .Where(l => l.MerchantId == shop)
            .Select(l => new { l.FeeYen, l.TaxInFeeYen })
            .ToListAsync());
        perLine.Should().HaveCount(2).And.OnlyContain(l => l.FeeYen == 6 && l.TaxInFeeYen == 0, "each line alone rounds 0.54 yen down to 0");

        var csv = await _host.MustAsync(new GetRedemptionInvoiceCommand(settlementId, shop, CityOffice, PaperFormat.Csv));

        csv.Row("10%").Should().Equal("10%", "12", "1", "11");
        csv.Row("合計").Should().Equal("合計", "12", "1", "11");
        csv.Row("登録番号")[1].Should().Be("T5000020332038");
        csv.Row("発行者")[1].Should().Be("津山市");
        csv.Row("宛先")[1].Should().Be("テスト商店");
        csv.Rows().Count(r => r[0] == "2026/04/11" && r[1].StartsWith("換金手数料", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public async Task RedemptionInvoice_Html_CarriesEveryQualifiedInvoiceItem()
    {
        var (shop, settlementId) = await SettleTwoSmallFeesAsync();

        var html = (await _host.MustAsync(new GetRedemptionInvoiceCommand(settlementId, shop, CityOffice, PaperFormat.Html))).Text();

        html.Should().Contain("適格請求書").And.Contain("登録番号 T5000020332038").And.Contain("津山市").And.Contain("テスト商店　御中")
            .And.Contain("2026/04/11").And.Contain("@page { size: A4").And.Contain("<td class=\"n\">￥1</td>").And.Contain("<td class=\"c\">10%</td>")
            .And.NotContain(">再発行<");
    }

    [Fact]
    public async Task RedemptionInvoice_Reissue_KeepsNumberDateAndIssuer_AndIsMarked()
    {
        var (shop, settlementId) = await SettleTwoSmallFeesAsync();
        var first = await _host.MustAsync(new GetRedemptionInvoiceCommand(settlementId, shop, CityOffice, PaperFormat.Csv));
        _host.Clock.Advance(TimeSpan.FromDays(40));

        var again = await _host.MustAsync(new GetRedemptionInvoiceCommand(settlementId, shop, PaperReader.Shop(shop, "merchant:x"), PaperFormat.Csv));
        var html = (await _host.MustAsync(new GetRedemptionInvoiceCommand(settlementId, shop, CityOffice, PaperFormat.Html))).Text();

        first.Row("再発行")[1].Should().BeEmpty();
        again.FileName.Should().Be(first.FileName);
        again.Row("請求書番号").Should().Equal(first.Row("請求書番号"));
        again.Row("発行日").Should().Equal(first.Row("発行日"));
        again.Row("再発行")[1].Should().Be("再発行 2026/05/21");
        again.Rows().Skip(4).Should().BeEquivalentTo(first.Rows().Skip(4), o => o.WithStrictOrdering());
        html.Should().Contain("<span class=\"reissue\">再発行</span>");
        (await _host.WithDbAsync(db => db.Set<PaperIssue>().CountAsync())).Should().Be(1);
        first.Row("請求書番号")[1].Should().Be("R2026-000001");
    }

    [Fact]
    public async Task RedemptionInvoice_FirstFetchedConcurrently_IsIssuedOnceWithOneNumber()
    {
        var (shop, settlementId) = await SettleTwoSmallFeesAsync();

        var copies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            _host.MustAsync(new GetRedemptionInvoiceCommand(settlementId, shop, CityOffice, PaperFormat.Csv))));

        copies.Select(c => c.Row("請求書番号")[1]).Distinct().Should().ContainSingle();
        copies.Count(c => c.Row("再発行")[1].Length == 0).Should().Be(1, "exactly one copy is the original");
        (await _host.WithDbAsync(db => db.Set<PaperIssue>().CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task RedemptionInvoice_ForAShopNotInTheSettlement_IsNotFound_AndAnotherShopIsForbidden()
    {
        var (shop, settlementId) = await SettleTwoSmallFeesAsync();
        var idle = await _host.RegisterMerchantAsync();

        (await _host.SendAsync(new GetRedemptionInvoiceCommand(settlementId, idle, CityOffice, PaperFormat.Html))).Error!.Status.Should().Be(404);
        (await _host.SendAsync(new GetRedemptionInvoiceCommand(Guid.NewGuid(), shop, CityOffice, PaperFormat.Html))).Error!.Status.Should().Be(404);
        var foreign = await _host.SendAsync(new GetRedemptionInvoiceCommand(settlementId, shop, PaperReader.Shop(idle, "merchant:idle"), PaperFormat.Html));
        foreign.Error!.Status.Should().Be(403);
        (await _host.WithDbAsync(db => db.Set<PaperIssue>().CountAsync())).Should().Be(0, "a refused or unknown paper is never issued");
    }

    [Fact]
    public async Task TransferFeeInvoice_CoversTheSendersMonth_RoundsOnce_AndWaitsForTheMonthEnd()
    {
        await _host.CreateProgramAsync(transferFeeBps: 50);
        var (from, to, resident) = (await _host.RegisterMerchantAsync(), await _host.RegisterMerchantAsync(), await _host.RegisterResidentAsync());
        await _host.BuyAsync(resident);
        await _host.PayAsync(resident, from, 9_000);
        foreach (var amount in new long[] { 1_200, 1_200 }) // a 6-yen fee each: 0.54 yen tax each, rounded down to 0 per line
        {
            await _host.MustAsync(new TransferToMerchantCommand(from, to, amount, IdempotencyScopes.Merchant(from), _host.NextKey()));
        }

        var early = await _host.SendAsync(new GetTransferFeeInvoiceCommand(from, 2026, 4, CityOffice, PaperFormat.Csv));
        early.Error!.Type.Should().Be(ProblemTypes.PeriodNotOver);
        _host.SetJst(new DateOnly(2026, 5, 1), 0, 5);

        var csv = await _host.MustAsync(new GetTransferFeeInvoiceCommand(from, 2026, 4, CityOffice, PaperFormat.Csv));
        var none = await _host.SendAsync(new GetTransferFeeInvoiceCommand(to, 2026, 4, CityOffice, PaperFormat.Csv));

        csv.Row("内容")[1].Should().Be("店舗間送金手数料");
        csv.Row("取引期間")[1].Should().Be("2026/04/01 ～ 2026/04/30");
        csv.Rows().Count(r => r[0] == "2026/04/10").Should().Be(2);
        csv.Row("10%").Should().Equal("10%", "12", "1", "11");
        csv.Row("請求書番号")[1].Should().Be("M2026-000001");
        none.Error!.Type.Should().Be(ProblemTypes.NothingCharged, "the recipient paid no fee");
    }
}
