using System.Globalization;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Settlements;

namespace Tsuyama.LocalCurrency.Features.Papers;

/// <summary>
/// 適格請求書 (消費税法第57条の4): the issuer's name and registration number, the transaction dates,
/// what was charged, the tax-inclusive total per rate, the rate and the tax per rate (computed once,
/// from that total), and the recipient's name. The fee was withheld from the payout, so it is paid.
/// </summary>
public sealed record QualifiedInvoice(
    PaperKind Kind,
    string Number,
    DateOnly IssuedOn,
    bool Reissue,
    DateOnly PrintedOn,
    string IssuerName,
    string RegistrationNumber,
    string? IssuerContact,
    Guid MerchantId,
    string RecipientName,
    string Subject,
    string Period,
    IReadOnlyList<InvoiceCharge> Charges)
{
    public IReadOnlyList<RateTotal> Totals { get; } = InvoiceTax.Totals(Charges);

    public long TotalYen => Totals.Sum(t => t.AmountYen);

    public long TaxYen => Totals.Sum(t => t.TaxYen);

    public string Title => Kind == PaperKind.TransferFeeInvoice ? "店舗間送金手数料" : "換金手数料";

    /// <summary>How the fee was paid: nothing is left to pay, which the shop must be able to read at a glance.</summary>
    public string Settled => Kind == PaperKind.TransferFeeInvoice
        ? "上記の手数料は、各送金の際に送金元のポイントから差し引いて精算済みです。"
        : "上記の手数料は、換金額から差し引いて精算済みです（振込額は換金額から手数料を除いた金額です）。";

    internal SettlementFile Render(PaperFormat format)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"invoice-{Number}");
        return format == PaperFormat.Csv
            ? new SettlementFile(name + ".csv", "text/csv; charset=utf-8", Csv().Utf8WithBom())
            : new SettlementFile(name + ".html", "text/html; charset=utf-8", Html());
    }

    private byte[] Html()
    {
        var issuer = new List<(string, string)> { ("name", IssuerName), ("reg", "登録番号 " + RegistrationNumber) };
        if (!string.IsNullOrWhiteSpace(IssuerContact))
        {
            issuer.Add(("", IssuerContact));
        }

        return new PaperHtml($"適格請求書 {Number} {RecipientName}")
            .Header("適格請求書", "請求書番号", Number, IssuedOn, Reissue, PrintedOn)
            .Parties(RecipientName, $"{Title}（{Subject}）", issuer)
            .Summary("手数料合計（税込・お支払済み）", TotalYen, Settled)
            .KeyValues([("対象", Subject), ("取引期間", Period)])
            .Heading("明細")
            .Table(["^取引日", "内容", "摘要", "^税率", "#金額（税込）"],
                Charges.Select(c => (IReadOnlyList<string>)[PaperCsv.Day(c.Date), c.Description, c.Detail ?? "", Rate(c.TaxRatePercent),
                    PaperHtml.Yen(c.AmountYen)]),
                ["", "合計", "", "", PaperHtml.Yen(TotalYen)])
            .Heading("税率ごとの合計")
            .Table(["^税率", "#対象金額（税込）", "#うち消費税額", "#税抜金額"],
                Totals.Select(t => (IReadOnlyList<string>)[Rate(t.TaxRatePercent), PaperHtml.Yen(t.AmountYen), PaperHtml.Yen(t.TaxYen),
                    PaperHtml.Yen(t.AmountExcludingTaxYen)]), css: "totals")
            .Notes(
                "消費税額は税率ごとに、この請求書の合計金額から一度だけ計算しています（1円未満切り捨て）。明細ごとの端数処理は行っていません。",
                "金額はすべて税込（内税）です。1ポイント＝1円。",
                Reissue ? $"この書類は {PaperHtml.JapaneseDate(IssuedOn)} に発行した請求書の再発行です。記載内容は原本と同一です。" : "この書類は原本です。再度出力したものには「再発行」と表示されます。")
            .ToBytes();
    }

    private PaperCsv Csv()
    {
        var c = new PaperCsv()
            .Line("書類", Reissue ? "適格請求書（再発行）" : "適格請求書")
            .Line("請求書番号", Number)
            .Line("発行日", PaperCsv.Day(IssuedOn))
            .Line("再発行", Reissue ? "再発行 " + PaperCsv.Day(PrintedOn) : "")
            .Line("発行者", IssuerName)
            .Line("登録番号", RegistrationNumber)
            .Line("宛先", RecipientName)
            .Line("内容", Title)
            .Line("対象", Subject)
            .Line("取引期間", Period)
            .Line("精算", Settled)
            .Line()
            .Line("取引日", "内容", "摘要", "税率", "金額(税込)");
        foreach (var charge in Charges)
        {
            c.Line(PaperCsv.Day(charge.Date), charge.Description, charge.Detail ?? "", Rate(charge.TaxRatePercent), PaperCsv.N(charge.AmountYen));
        }

        c.Line().Line("税率", "対象金額(税込)", "消費税額", "税抜金額");
        foreach (var t in Totals)
        {
            c.Line(Rate(t.TaxRatePercent), PaperCsv.N(t.AmountYen), PaperCsv.N(t.TaxYen), PaperCsv.N(t.AmountExcludingTaxYen));
        }

        return c.Line("合計", PaperCsv.N(TotalYen), PaperCsv.N(TaxYen), PaperCsv.N(TotalYen - TaxYen));
    }

    private static string Rate(int percent) => string.Create(CultureInfo.InvariantCulture, $"{percent}%");
}
