using System.Globalization;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Settlements;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.ShopTransactions.GetShopTransactionsCsv;

/// <summary>A shop's payments and refunds of JST days <see cref="From"/>..<see cref="To"/> as CSV for Excel (times in JST).</summary>
public sealed record GetShopTransactionsCsvQuery(Guid MerchantId, DateOnly From, DateOnly To) : IQuery<SettlementFile>;

internal sealed class GetShopTransactionsCsvValidator : IValidator<GetShopTransactionsCsvQuery>
{
    public const int MaxDays = 366;

    public void Validate(GetShopTransactionsCsvQuery r, ValidationErrors e)
    {
        e.LedgerDay(r.From, "from").LedgerDay(r.To, "to");
        e.Require(r.From <= r.To, "from", "must not be after to");
        e.Require(r.To.DayNumber - r.From.DayNumber < MaxDays, "to", $"the period may span at most {MaxDays} days");
    }
}

internal sealed class GetShopTransactionsCsvHandler(LedgerDbContext db) : IRequestHandler<GetShopTransactionsCsvQuery, Result<SettlementFile>>
{
    public async Task<Result<SettlementFile>> Handle(GetShopTransactionsCsvQuery query, CancellationToken ct)
    {
        var (from, to) = ShopLedger.Span(query.From, query.To);
        var entries = await ShopLedger.ReadAsync(db, query.MerchantId, from, to, ct).ConfigureAwait(false);
        var csv = new SpreadsheetCsv().Line("日時(日本時間)", "種別", "受付番号", "ポイント", "返金済み", "支払ID", "取引ID");
        foreach (var e in entries)
        {
            csv.Line(Jst(e.At), e.Kind == ShopTransactionKind.Payment ? "支払い" : "返金", e.DisplayNumber,
                SpreadsheetCsv.N(e.Kind == ShopTransactionKind.Payment ? e.Amount : -e.Amount),
                e.Kind == ShopTransactionKind.Payment ? SpreadsheetCsv.N(e.Refunded) : "", e.PaymentId.ToString(), e.Id.ToString());
        }

        var totals = ShopTotals.Of(entries);
        csv.Line().Line("件数", "売上", "返金", "差引").Line(SpreadsheetCsv.N(totals.Count), SpreadsheetCsv.N(totals.Amount),
            SpreadsheetCsv.N(totals.Refunds), SpreadsheetCsv.N(totals.Net));
        var name = string.Create(CultureInfo.InvariantCulture, $"transactions-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}.csv");
        return new SettlementFile(name, "text/csv; charset=utf-8", csv.ToBytes());
    }

    private static string Jst(DateTime utc) =>
        new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(JapanTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
