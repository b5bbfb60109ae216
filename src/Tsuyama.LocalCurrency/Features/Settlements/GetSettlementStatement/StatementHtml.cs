using System.Globalization;
using System.Net;
using System.Text;

namespace Tsuyama.LocalCurrency.Features.Settlements.GetSettlementStatement;

/// <summary>A printable A4 statement in Japanese. Every value is HTML-encoded: names are user input.</summary>
internal static class StatementHtml
{
    public static byte[] Render(Statement s)
    {
        var h = new StringBuilder(4096);
        h.Append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>精算明細書 ")
            .Append(E(s.MerchantName)).Append(' ').Append(E(Day(s.Cutoff))).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}")
            .Append("th,td{border:1px solid #999;padding:.2em .6em}td.n{text-align:right}")
            .Append("@page{size:A4;margin:15mm}@media print{body{margin:0}}</style>\n</head>\n<body>\n")
            .Append("<h1>精算明細書</h1>\n<table>\n");
        Row(h, "加盟店", s.MerchantName);
        Row(h, "精算ID", s.SettlementId.ToString());
        Row(h, "締め日", Day(s.Cutoff));
        Row(h, "対象期間", StatementText.Period(s));
        Row(h, "振込予定日", Day(s.TransferDate));
        Row(h, "振込先", $"銀行 {s.BankCode} 支店 {s.BranchCode} {StatementText.AccountType(s.AccountType)} {s.MaskedAccountNumber} {s.HolderKana}");
        h.Append("</table>\n<h2>精算内訳</h2>\n<table>\n<tr><th>事業</th><th>換金ポイント</th><th>手数料（税込）</th><th>うち消費税（10%）</th><th>振込額（円）</th></tr>\n");
        foreach (var l in s.Lines)
        {
            Amounts(h, $"{l.ProgramCode} {l.ProgramName}", l.Points, l.FeeYen, l.TaxInFeeYen, l.PayoutYen);
        }

        Amounts(h, "合計", s.Points, s.FeeYen, s.TaxInFeeYen, s.PayoutYen);
        h.Append("</table>\n<h2>期間中の取引</h2>\n<table>\n<tr><th>日時（日本時間）</th><th>種別</th><th>参照番号</th><th>ポイント</th></tr>\n");
        foreach (var e in s.Entries)
        {
            h.Append("<tr><td>").Append(E(StatementText.Jst(e.At))).Append("</td><td>").Append(E(StatementText.Kind(e.Kind)))
                .Append("</td><td>").Append(E(e.Reference.ToString())).Append("</td><td class=\"n\">").Append(E(N(e.Points))).Append("</td></tr>\n");
        }

        if (s.Entries.Count == 0)
        {
            h.Append("<tr><td colspan=\"4\">取引はありません</td></tr>\n");
        }

        h.Append("</table>\n<p>手数料は消費税（10%）込みの金額です。1ポイント＝1円。</p>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(h.ToString());
    }

    private static void Row(StringBuilder h, string label, string value) =>
        h.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");

    private static void Amounts(StringBuilder h, string label, long points, long fee, long tax, long payout) =>
        h.Append("<tr><td>").Append(E(label)).Append("</td><td class=\"n\">").Append(E(N(points)))
            .Append("</td><td class=\"n\">").Append(E(N(fee))).Append("</td><td class=\"n\">").Append(E(N(tax)))
            .Append("</td><td class=\"n\">").Append(E(N(payout))).Append("</td></tr>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
