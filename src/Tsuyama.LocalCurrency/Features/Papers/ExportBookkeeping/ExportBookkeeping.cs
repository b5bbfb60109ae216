using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Settlements;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Papers.ExportBookkeeping;

public enum BookkeepingRows
{
    /// <summary>One row per JST day with activity.</summary>
    Day = 0,
    /// <summary>One row per payment, refund, transfer or settlement.</summary>
    Transaction = 1,
}

public enum CsvEncoding
{
    Utf8Bom = 0,
    ShiftJis = 1,
}

/// <summary>
/// 帳簿用エクスポート of one shop for the JST days <see cref="From"/>..<see cref="To"/>: points received,
/// refunds, shop-to-shop transfers, redemptions with their fee and payout, then monthly, yearly
/// and period totals (for 確定申告). Column mapping to accounting packages: docs/bookkeeping-export.md.
/// </summary>
public sealed record ExportBookkeepingQuery(Guid MerchantId, DateOnly From, DateOnly To, BookkeepingRows Rows, CsvEncoding Encoding, PaperReader Reader)
    : IQuery<SettlementFile>;

/// <summary>One row's amounts; all in yen (1 point = 1 yen), all positive.</summary>
public sealed record BookkeepingAmounts(
    long SalesPoints,
    long RefundPoints,
    long TransfersInPoints,
    long TransfersOutPoints,
    long RedeemedPoints,
    long RedemptionFeeYen,
    long TransferFeeYen,
    long PayoutYen)
{
    public static readonly BookkeepingAmounts Zero = new(0, 0, 0, 0, 0, 0, 0, 0);

    public long FeeYen => RedemptionFeeYen + TransferFeeYen;

    public static BookkeepingAmounts operator +(BookkeepingAmounts a, BookkeepingAmounts b) => new(
        a.SalesPoints + b.SalesPoints, a.RefundPoints + b.RefundPoints, a.TransfersInPoints + b.TransfersInPoints,
        a.TransfersOutPoints + b.TransfersOutPoints, a.RedeemedPoints + b.RedeemedPoints, a.RedemptionFeeYen + b.RedemptionFeeYen,
        a.TransferFeeYen + b.TransferFeeYen, a.PayoutYen + b.PayoutYen);
}

internal sealed class ExportBookkeepingValidator : IValidator<ExportBookkeepingQuery>
{
    public void Validate(ExportBookkeepingQuery r, ValidationErrors e)
    {
        e.Require(r.Reader is not null, "reader", "is required");
        e.LedgerDay(r.From, "from").LedgerDay(r.To, "to");
        e.Require(r.From <= r.To, "to", "must not be before from");
        e.Require(Enum.IsDefined(r.Rows), "rows", "must be day or transaction");
        e.Require(Enum.IsDefined(r.Encoding), "encoding", "must be utf-8 or shift_jis");
    }
}

internal sealed class ExportBookkeepingHandler(LedgerDbContext db, ICurrentActor actor) : IRequestHandler<ExportBookkeepingQuery, Result<SettlementFile>>
{
    public async Task<Result<SettlementFile>> Handle(ExportBookkeepingQuery query, CancellationToken ct)
    {
        if (query.Reader.Refuse(query.MerchantId, actor) is { } refused)
        {
            return refused;
        }

        var shop = await db.Merchants.AsNoTracking().Where(m => m.Id == query.MerchantId).Select(m => m.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (shop is null)
        {
            return Error.NotFound("Merchant", query.MerchantId);
        }

        var entries = await BookkeepingEntries.LoadAsync(db, query.MerchantId, query.From, query.To, ct).ConfigureAwait(false);
        var csv = BookkeepingCsv.Render(shop, query.From, query.To, query.Rows, entries);
        var name = string.Create(CultureInfo.InvariantCulture, $"bookkeeping-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}-{query.MerchantId}");
        return query.Encoding == CsvEncoding.ShiftJis
            ? new SettlementFile(name + ".csv", "text/csv; charset=shift_jis", csv.ShiftJis())
            : new SettlementFile(name + ".csv", "text/csv; charset=utf-8", csv.Utf8WithBom());
    }
}

/// <summary>One ledger operation seen from the shop, with the fee tax of the invoice it belongs to.</summary>
internal sealed record BookkeepingEntry(DateTime At, Guid Reference, string Memo, BookkeepingAmounts Amounts, Guid? SettlementId);

internal static class BookkeepingEntries
{
    /// <summary>
    /// Straight from the ledger: every transfer into or out of the shop's account in the period,
    /// one entry per operation (a payment of two kinds is two transfers, one entry). Redemption fees
    /// and payouts are yen, not points, so they come from the settlement lines of the same operation.
    /// </summary>
    public static async Task<List<BookkeepingEntry>> LoadAsync(LedgerDbContext db, Guid merchantId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = (JapanTime.EndOfDayUtc(from.AddDays(-1)), JapanTime.EndOfDayUtc(to));
        var credits = await db.Transfers.Where(t => t.ToAccountId == merchantId && t.CreatedAt >= start && t.CreatedAt < end)
            .GroupBy(t => new { t.OperationId, t.Type })
            .Select(g => new { g.Key.OperationId, g.Key.Type, At = g.Min(t => t.CreatedAt), Amount = g.Sum(t => t.Amount) })
            .ToListAsync(ct).ConfigureAwait(false);
        var debits = await db.Transfers.Where(t => t.FromAccountId == merchantId && t.CreatedAt >= start && t.CreatedAt < end)
            .GroupBy(t => new { t.OperationId, t.Type })
            .Select(g => new { g.Key.OperationId, g.Key.Type, At = g.Min(t => t.CreatedAt), Amount = g.Sum(t => t.Amount) })
            .ToListAsync(ct).ConfigureAwait(false);

        var operations = credits.Select(c => c.OperationId).Concat(debits.Select(d => d.OperationId)).Distinct().ToList();
        var counterparties = await (
            from t in db.MerchantTransfers
            join f in db.Merchants on t.FromMerchantId equals f.Id
            join o in db.Merchants on t.ToMerchantId equals o.Id
            where operations.Contains(t.Id)
            select new { t.Id, From = f.Name, To = o.Name }).ToDictionaryAsync(x => x.Id, ct).ConfigureAwait(false);
        var settlements = await (
            from l in db.SettlementLines
            join s in db.Settlements on l.SettlementId equals s.Id
            where l.MerchantId == merchantId && operations.Contains(l.SettlementId)
            group l by new { l.SettlementId, s.Cutoff, s.TransferDate } into g
            select new { g.Key.SettlementId, g.Key.Cutoff, g.Key.TransferDate, Fee = g.Sum(l => l.FeeYen), Payout = g.Sum(l => l.PayoutYen) })
            .ToDictionaryAsync(x => x.SettlementId, ct).ConfigureAwait(false);

        var entries = new List<BookkeepingEntry>(credits.Count + debits.Count);
        foreach (var c in credits)
        {
            var z = BookkeepingAmounts.Zero;
            entries.Add(c.Type switch
            {
                TransferType.Payment => new BookkeepingEntry(c.At, c.OperationId, "地域通貨 お支払い受取", z with { SalesPoints = c.Amount }, null),
                TransferType.MerchantTransfer => new BookkeepingEntry(c.At, c.OperationId,
                    $"店舗間送金 受取（{counterparties.GetValueOrDefault(c.OperationId)?.From}）", z with { TransfersInPoints = c.Amount }, null),
                _ => new BookkeepingEntry(c.At, c.OperationId, $"その他の受取（{c.Type}）", z with { SalesPoints = c.Amount }, null),
            });
        }

        // A transfer sent is two debits of one operation (to the payee, fee to the issuer): one entry.
        foreach (var op in debits.GroupBy(d => d.OperationId))
        {
            var at = op.Min(d => d.At);
            var z = BookkeepingAmounts.Zero;
            var amount = (TransferType type) => op.Where(d => d.Type == type).Sum(d => d.Amount);
            if (op.Any(d => d.Type == TransferType.Redemption))
            {
                var line = settlements.GetValueOrDefault(op.Key);
                var memo = line is null ? "換金" : string.Create(CultureInfo.InvariantCulture,
                    $"換金（{line.Cutoff:yyyy/MM/dd}締め、振込予定日 {line.TransferDate:yyyy/MM/dd}）");
                entries.Add(new BookkeepingEntry(at, op.Key, memo,
                    z with { RedeemedPoints = amount(TransferType.Redemption), RedemptionFeeYen = line?.Fee ?? 0, PayoutYen = line?.Payout ?? 0 }, op.Key));
            }
            else if (op.Any(d => d.Type is TransferType.MerchantTransfer or TransferType.MerchantTransferFee))
            {
                entries.Add(new BookkeepingEntry(at, op.Key, $"店舗間送金 支払（{counterparties.GetValueOrDefault(op.Key)?.To}）",
                    z with { TransfersOutPoints = amount(TransferType.MerchantTransfer), TransferFeeYen = amount(TransferType.MerchantTransferFee) }, null));
            }
            else
            {
                entries.Add(new BookkeepingEntry(at, op.Key, op.Any(d => d.Type == TransferType.Refund) ? "返金" : "その他の支払",
                    z with { RefundPoints = op.Sum(d => d.Amount) }, null));
            }
        }

        return [.. entries.OrderBy(e => e.At).ThenBy(e => e.Reference)];
    }
}

/// <summary>
/// The CSV: a fixed header row, then rows in date order with a 月計 after each month, a 年計 after
/// each year and a 期間合計 last. The fee tax in the totals is the invoices' tax: once per redemption
/// invoice (per settlement) and once per month for the transfer fees, so it matches the invoices.
/// </summary>
internal static class BookkeepingCsv
{
    public static readonly string[] Columns =
    [
        "日付", "区分", "売上受取(ポイント)", "返金(ポイント)", "店舗間受取(ポイント)", "店舗間支払(ポイント)", "換金(ポイント)",
        "換金手数料(税込)", "送金手数料(税込)", "振込額(円)", "手数料消費税(10%)", "税区分", "摘要", "参照番号",
    ];

    public const string FeeTaxClass = "課税仕入 10%";

    public static PaperCsv Render(string shop, DateOnly from, DateOnly to, BookkeepingRows rows, IReadOnlyList<BookkeepingEntry> entries)
    {
        var csv = new PaperCsv().Line(Columns);
        var byDay = entries.GroupBy(e => Jst(e.At)).OrderBy(g => g.Key).ToList();
        var total = BookkeepingAmounts.Zero;
        long totalTax = 0;
        foreach (var year in byDay.GroupBy(d => d.Key.Year))
        {
            var yearAmounts = BookkeepingAmounts.Zero;
            long yearTax = 0;
            foreach (var month in year.GroupBy(d => d.Key.Month))
            {
                var monthEntries = month.SelectMany(d => d).ToList();
                if (rows == BookkeepingRows.Transaction)
                {
                    foreach (var e in monthEntries)
                    {
                        Row(csv, PaperCsv.Day(Jst(e.At)), "取引", e.Amounts, null, e.Memo, e.Reference.ToString());
                    }
                }
                else
                {
                    foreach (var day in month)
                    {
                        Row(csv, PaperCsv.Day(day.Key), "日計", Sum(day), null, DayMemo(day.ToList()), "");
                    }
                }

                var monthAmounts = Sum(monthEntries);
                var monthTax = FeeTax(monthEntries);
                var first = new DateOnly(year.Key, month.Key, 1);
                Row(csv, PaperCsv.Day(Min(first.AddMonths(1).AddDays(-1), to)), "月計", monthAmounts, monthTax,
                    string.Create(CultureInfo.InvariantCulture, $"{first.Year}年{first.Month}月 合計"), "");
                yearAmounts += monthAmounts;
                yearTax += monthTax;
            }

            Row(csv, PaperCsv.Day(Min(new DateOnly(year.Key, 12, 31), to)), "年計", yearAmounts, yearTax,
                string.Create(CultureInfo.InvariantCulture, $"{year.Key}年 合計（確定申告用）"), "");
            total += yearAmounts;
            totalTax += yearTax;
        }

        Row(csv, PaperCsv.Day(to), "期間合計", total, totalTax,
            string.Create(CultureInfo.InvariantCulture, $"{shop} {from:yyyy/MM/dd}～{to:yyyy/MM/dd}"), "");
        return csv;
    }

    private static void Row(PaperCsv csv, string date, string kind, BookkeepingAmounts a, long? tax, string memo, string reference) =>
        csv.Line(date, kind, PaperCsv.N(a.SalesPoints), PaperCsv.N(a.RefundPoints), PaperCsv.N(a.TransfersInPoints), PaperCsv.N(a.TransfersOutPoints),
            PaperCsv.N(a.RedeemedPoints), PaperCsv.N(a.RedemptionFeeYen), PaperCsv.N(a.TransferFeeYen), PaperCsv.N(a.PayoutYen),
            tax is { } t ? PaperCsv.N(t) : "", a.FeeYen > 0 ? FeeTaxClass : "", memo, reference);

    /// <summary>The invoices' tax for a month's entries: once per settlement, once for the month's transfer fees.</summary>
    private static long FeeTax(IReadOnlyList<BookkeepingEntry> month) =>
        month.Where(e => e.SettlementId is not null).Sum(e => InvoiceTax.TaxIncluded(e.Amounts.RedemptionFeeYen, InvoiceTax.StandardRatePercent))
        + InvoiceTax.TaxIncluded(month.Sum(e => e.Amounts.TransferFeeYen), InvoiceTax.StandardRatePercent);

    private static BookkeepingAmounts Sum(IEnumerable<BookkeepingEntry> entries) =>
        entries.Aggregate(BookkeepingAmounts.Zero, (a, e) => a + e.Amounts);

    private static string DayMemo(IReadOnlyList<BookkeepingEntry> day) =>
        string.Join("、", day.GroupBy(e => e.Memo.Split('（')[0]).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}件")));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Jst(DateTime utc) => JapanTime.DateOf(new DateTimeOffset(utc, TimeSpan.Zero));
}
