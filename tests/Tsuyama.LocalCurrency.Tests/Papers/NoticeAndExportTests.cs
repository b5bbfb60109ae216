using System.Text;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;
using Tsuyama.LocalCurrency.Features.Papers;
using Tsuyama.LocalCurrency.Features.Papers.ExportBookkeeping;
using Tsuyama.LocalCurrency.Features.Papers.GetPaymentNotice;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlementZengin;
using Tsuyama.LocalCurrency.Payouts.Zengin;
using Tsuyama.LocalCurrency.TestDatabases;
using Tsuyama.LocalCurrency.Tests.Support;
using static Tsuyama.LocalCurrency.Tests.Papers.PaperTestData;
using static Tsuyama.LocalCurrency.Tests.Settlements.SettlementTestData;

namespace Tsuyama.LocalCurrency.Tests.Papers;

public sealed class NoticeAndExportTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Guid> ShopAsync(string name, string accountNumber) =>
        (await _host.MustAsync(new RegisterMerchantCommand(name, "テストショウテン", "Test Shop", "5411", MerchantSize.Small, "7080000",
            $"m{Guid.NewGuid():N}@example.jp", null, TestLedger.Payout("テストショウテン", accountNumber)))).MerchantId;

    /// <summary>
    /// April: A receives 9,000 (7,000 smallBusiness + 2,000 general), refunds 500, sends B 1,000 and
    /// receives 400 from B; settled the next day. May: A receives 1,234.
    /// </summary>
    private async Task<(Guid A, Guid B, Guid SettlementId)> ActivityAsync()
    {
        await _host.CreateProgramAsync(redemptionFeeBps: 150, transferFeeBps: 50);
        var (a, b) = (await ShopAsync("城下町ベーカリー", "1111111"), await ShopAsync("津山青果", "2222222"));
        var resident = await _host.RegisterResidentAsync();
        await _host.BuyAsync(resident);
        var payment = await _host.PayAsync(resident, a, 9_000);
        await _host.PayAsync(resident, b, 1_000);
        await _host.MustAsync(new RefundPaymentCommand(a, payment.PaymentId, 500, IdempotencyScopes.Merchant(a), _host.NextKey()));
        await _host.MustAsync(new TransferToMerchantCommand(a, b, 1_000, IdempotencyScopes.Merchant(a), _host.NextKey()));
        await _host.MustAsync(new TransferToMerchantCommand(b, a, 400, IdempotencyScopes.Merchant(b), _host.NextKey()));
        _host.SetJst(Day1.AddDays(1), 9);
        var settled = await _host.MustAsync(Settle(Day1));
        _host.SetJst(new DateOnly(2026, 5, 2), 10);
        await _host.PayAsync(resident, a, 1_234);
        return (a, b, settled.SettlementId);
    }

    [Fact]
    public async Task PaymentNotice_PayoutDateAndAccount_EqualTheShopsZenginLine()
    {
        var (a, b, settlementId) = await ActivityAsync();
        var zengin = ZenginFileReader.Parse((await _host.MustAsync(new GetSettlementZenginQuery(settlementId))).Content);

        foreach (var (shop, account) in new[] { (a, "1111111"), (b, "2222222") })
        {
            var notice = await _host.MustAsync(new GetPaymentNoticeCommand(settlementId, shop, CityOffice, PaperFormat.Csv));
            var line = zengin.Records.Single(r => r.AccountNumber == account);

            long.Parse(notice.Row("合計")[4], System.Globalization.CultureInfo.InvariantCulture).Should().Be(line.Amount);
            notice.Row("振込先").Should().Equal("振込先", line.BankNumber, line.BranchNumber, "普通", "****" + account[^3..], line.PayeeName);
            DateOnly.ParseExact(notice.Row("振込予定日")[1], "yyyy/MM/dd").ToString("MMdd", null).Should().Be(zengin.Header.TransferDateMmdd);
        }

        var noticeA = await _host.MustAsync(new GetPaymentNoticeCommand(settlementId, a, CityOffice, PaperFormat.Csv));
        // 9,000 − 500 refunded − 1,000 sent + 398 received (400 less the 2-point fee) = 7,898; fee 1.5 % = 118.
        noticeA.Row("合計").Should().Equal("合計", "", "7898", "118", "7780");
        noticeA.Rows().Where(r => r.Length == 4 && r[0] == "P1").Select(r => (r[2], r[3]))
            .Should().BeEquivalentTo([("共通券", "1500"), ("専用券（中小店舗）", "6398")], "the refund gave back general points, the transfers moved smallBusiness first");
    }

    [Fact]
    public async Task PaymentNotice_ForAHeldBackShop_SaysWhyAndPaysNothing()
    {
        await _host.CreateProgramAsync();
        var shop = await ShopAsync("保留商店", "3333333");
        var resident = await _host.RegisterResidentAsync();
        await _host.BuyAsync(resident);
        await _host.PayAsync(resident, shop, 2_000);
        await _host.ExecuteSqlAsync($"UPDATE Merchants SET Payout_HolderKana = '山田太郎' WHERE Id = '{shop.ToString().ToUpperInvariant()}'");
        _host.SetJst(Day1.AddDays(1), 9);
        var settled = await _host.MustAsync(Settle(Day1));

        var csv = await _host.MustAsync(new GetPaymentNoticeCommand(settled.SettlementId, shop, CityOffice, PaperFormat.Csv));
        var html = (await _host.MustAsync(new GetPaymentNoticeCommand(settled.SettlementId, shop, CityOffice, PaperFormat.Html))).Text();

        csv.Row("保留")[1].Should().Contain("2,000 ポイント").And.Contain("payout.holderKana");
        csv.Row("合計").Should().Equal("合計", "", "0", "0", "0");
        html.Should().Contain("お支払いの保留").And.Contain("（今回は振込なし）").And.NotContain("全銀総合振込ファイルの該当行");
    }

    [Fact]
    public async Task PaymentNotice_Html_IsMarkedReissueOnTheSecondCopy()
    {
        var (a, _, settlementId) = await ActivityAsync();

        var first = (await _host.MustAsync(new GetPaymentNoticeCommand(settlementId, a, CityOffice, PaperFormat.Html))).Text();
        var second = (await _host.MustAsync(new GetPaymentNoticeCommand(settlementId, a, PaperReader.Shop(a, "merchant:a"), PaperFormat.Html))).Text();

        first.Should().Contain("支払通知書").And.Contain("N2026-000001").And.Contain("****111").And.NotContain(">再発行<");
        second.Should().Contain("N2026-000001").And.Contain("<span class=\"reissue\">再発行</span>");
    }

    [Fact]
    public async Task Export_TotalsEqualTheLedgerForThePeriod_WithMonthAndYearTotals()
    {
        var (a, _, _) = await ActivityAsync();
        var (from, to) = (new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 31));

        var days = await _host.MustAsync(new ExportBookkeepingQuery(a, from, to, BookkeepingRows.Day, CsvEncoding.Utf8Bom, CityOffice));
        var transactions = await _host.MustAsync(new ExportBookkeepingQuery(a, from, to, BookkeepingRows.Transaction, CsvEncoding.Utf8Bom, CityOffice));

        var ledger = await LedgerTotalsAsync(a, from, to);
        var total = Amounts(days.Rows().Single(r => r[1] == "期間合計"));
        total.Should().Equal(ledger);
        Amounts(transactions.Rows().Single(r => r[1] == "期間合計")).Should().Equal(ledger);
        Sum(days.Rows().Where(r => r[1] == "日計")).Should().Equal(ledger);
        Sum(transactions.Rows().Where(r => r[1] == "取引")).Should().Equal(ledger);
        Sum(days.Rows().Where(r => r[1] == "月計")).Should().Equal(ledger);
        Amounts(days.Rows().Single(r => r[1] == "年計")).Should().Equal(ledger);
        days.Rows().Where(r => r[1] == "月計").Select(r => r[0]).Should().Equal("2026/04/30", "2026/05/31");
        // A transfer sent is 995 to the payee and a 5-point fee.
        total.Should().Equal(9_000 + 1_234, 500, 398, 995, 7_898, 118, 5, 7_780);
        days.Rows().Single(r => r[1] == "月計" && r[0] == "2026/04/30")[10]
            .Should().Be("10", "118 × 10/110 = 10.7 on the redemption invoice, 5 × 10/110 = 0.45 on the month's");
        days.Rows()[0].Should().Equal(BookkeepingCsv.Columns);
    }

    [Fact]
    public async Task Export_ForALaterPeriod_LeavesEarlierActivityOut_AndShiftJisHasTheSameText()
    {
        var (a, _, _) = await ActivityAsync();

        var may = await _host.MustAsync(new ExportBookkeepingQuery(a, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), BookkeepingRows.Day,
            CsvEncoding.Utf8Bom, CityOffice));
        var sjis = await _host.MustAsync(new ExportBookkeepingQuery(a, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), BookkeepingRows.Day,
            CsvEncoding.ShiftJis, CityOffice));

        Amounts(may.Rows().Single(r => r[1] == "期間合計")).Should().Equal(1_234, 0, 0, 0, 0, 0, 0, 0);
        may.Content.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        sjis.ContentType.Should().Contain("shift_jis");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding.GetEncoding(932).GetString(sjis.Content).Should().Be(may.Text());
    }

    [Fact]
    public async Task Export_OfAnotherShop_IsForbidden_AndABackwardsPeriodIsInvalid()
    {
        var (a, b, _) = await ActivityAsync();

        var foreign = await _host.SendAsync(
            new ExportBookkeepingQuery(a, Day1, Day1, BookkeepingRows.Day, CsvEncoding.Utf8Bom, PaperReader.Shop(b, "merchant:b")));
        var backwards = await _host.SendAsync(
            new ExportBookkeepingQuery(a, Day1, Day1.AddDays(-1), BookkeepingRows.Day, CsvEncoding.Utf8Bom, CityOffice));

        foreign.Error!.Status.Should().Be(403);
        backwards.Error!.Status.Should().Be(400);
    }

    /// <summary>The same figures read independently from the ledger's transfers and the settlement lines.</summary>
    private Task<long[]> LedgerTotalsAsync(Guid shop, DateOnly from, DateOnly to) => _host.WithDbAsync(async db =>
    {
        var (start, end) = (JapanTime.EndOfDayUtc(from.AddDays(-1)), JapanTime.EndOfDayUtc(to));
        var transfers = await db.Transfers.Where(t => (t.ToAccountId == shop || t.FromAccountId == shop) && t.CreatedAt >= start && t.CreatedAt < end)
            .ToListAsync();
        long In(TransferType type) => transfers.Where(t => t.ToAccountId == shop && t.Type == type).Sum(t => t.Amount);
        long Out(TransferType type) => transfers.Where(t => t.FromAccountId == shop && t.Type == type).Sum(t => t.Amount);
        var settlements = transfers.Where(t => t.Type == TransferType.Redemption).Select(t => t.OperationId).Distinct().ToList();
        var lines = await db.SettlementLines.Where(l => l.MerchantId == shop && settlements.Contains(l.SettlementId)).ToListAsync();
        return new[]
        {
            In(TransferType.Payment), Out(TransferType.Refund), In(TransferType.MerchantTransfer), Out(TransferType.MerchantTransfer),
            Out(TransferType.Redemption), lines.Sum(l => l.FeeYen), Out(TransferType.MerchantTransferFee), lines.Sum(l => l.PayoutYen),
        };
    });

    private static long[] Amounts(string[] row) => row[2..10].Select(v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static long[] Sum(IEnumerable<string[]> rows) =>
        rows.Select(Amounts).Aggregate(new long[8], (acc, r) => acc.Zip(r, (x, y) => x + y).ToArray());
}
