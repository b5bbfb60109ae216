using System.Globalization;
using System.Net;
using System.Text;

namespace Tsuyama.LocalCurrency.Features.Papers;

/// <summary>
/// The printed frame shared by invoices and notices: an A4 page in Japanese, print CSS that keeps
/// rows and totals from splitting across pages, the 再発行 stamp. Every value is HTML-encoded.
/// </summary>
internal sealed class PaperHtml
{
    private const string Css = """
        @page { size: A4; margin: 14mm 15mm; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif;
               font-size: 10.5pt; color: #111; margin: 0 auto; max-width: 180mm; line-height: 1.5; }
        @media screen { body { margin: 12mm auto; } }
        header.top { display: flex; justify-content: space-between; align-items: flex-start; gap: 8mm; }
        h1 { font-size: 19pt; letter-spacing: .3em; margin: 0 0 4mm; font-weight: 700; }
        .meta { text-align: right; font-size: 9.5pt; }
        .meta div { white-space: nowrap; }
        .reissue { display: inline-block; border: 2px solid #c00; color: #c00; font-weight: 700; padding: .5mm 3mm;
                   letter-spacing: .4em; font-size: 12pt; margin-bottom: 1.5mm; }
        .parties { display: flex; justify-content: space-between; gap: 10mm; margin: 6mm 0 5mm; }
        .to { flex: 1; }
        .to .name { font-size: 14pt; border-bottom: 1px solid #111; padding-bottom: 1mm; display: inline-block; min-width: 80mm; }
        .from { text-align: right; font-size: 10pt; }
        .from .name { font-size: 12.5pt; font-weight: 700; }
        .from .reg { font-family: "Noto Sans Mono CJK JP", monospace; font-size: 10.5pt; }
        .summary { border: 1.5px solid #111; padding: 2.5mm 4mm; margin: 4mm 0; display: flex; justify-content: space-between;
                   align-items: baseline; }
        .summary .label { font-size: 11pt; }
        .summary .amount { font-size: 17pt; font-weight: 700; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
        th, td { border: 1px solid #777; padding: 1.2mm 2mm; vertical-align: top; }
        th { background: #eef1f5; font-weight: 600; text-align: center; white-space: nowrap; }
        td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.c { text-align: center; white-space: nowrap; }
        tr { break-inside: avoid; }
        thead { display: table-header-group; }
        tr.total td { font-weight: 700; background: #f7f7f7; }
        table.kv th { text-align: left; width: 32mm; }
        h2 { font-size: 11.5pt; margin: 5mm 0 1mm; border-left: 4px solid #345; padding-left: 2mm; }
        .totals { break-inside: avoid; }
        .notes { font-size: 8.5pt; color: #333; margin-top: 4mm; break-inside: avoid; }
        .notes p { margin: .6mm 0; }
        """;

    private readonly StringBuilder _h = new(8192);

    public PaperHtml(string title)
    {
        _h.Append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title))
            .Append("</title>\n<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n");
    }

    /// <summary>Title, number and dates, with the 再発行 stamp on every copy after the first.</summary>
    public PaperHtml Header(string heading, string numberLabel, string number, DateOnly issuedOn, bool reissue, DateOnly printedOn)
    {
        _h.Append("<header class=\"top\">\n<h1>").Append(E(heading)).Append("</h1>\n<div class=\"meta\">\n");
        if (reissue)
        {
            _h.Append("<div><span class=\"reissue\">再発行</span></div>\n");
        }

        _h.Append("<div>").Append(E(numberLabel)).Append("：").Append(E(number)).Append("</div>\n")
            .Append("<div>発行日：").Append(E(JapaneseDate(issuedOn))).Append("</div>\n");
        if (reissue)
        {
            _h.Append("<div>再発行日：").Append(E(JapaneseDate(printedOn))).Append("</div>\n");
        }

        _h.Append("</div>\n</header>\n");
        return this;
    }

    public PaperHtml Parties(string recipient, string recipientNote, IEnumerable<(string Css, string Text)> issuerLines)
    {
        _h.Append("<section class=\"parties\">\n<div class=\"to\"><div class=\"name\">").Append(E(recipient)).Append("　御中</div>\n<div>")
            .Append(E(recipientNote)).Append("</div></div>\n<div class=\"from\">\n");
        foreach (var (css, text) in issuerLines)
        {
            _h.Append("<div class=\"").Append(css).Append("\">").Append(E(text)).Append("</div>\n");
        }

        _h.Append("</div>\n</section>\n");
        return this;
    }

    public PaperHtml Summary(string label, long yen, string? note = null)
    {
        _h.Append("<section class=\"summary\"><span class=\"label\">").Append(E(label)).Append("</span><span class=\"amount\">")
            .Append(E(Yen(yen))).Append("</span></section>\n");
        if (note is not null)
        {
            _h.Append("<p>").Append(E(note)).Append("</p>\n");
        }

        return this;
    }

    public PaperHtml Heading(string text)
    {
        _h.Append("<h2>").Append(E(text)).Append("</h2>\n");
        return this;
    }

    public PaperHtml KeyValues(IEnumerable<(string Key, string Value)> rows)
    {
        _h.Append("<table class=\"kv\">\n");
        foreach (var (key, value) in rows)
        {
            _h.Append("<tr><th>").Append(E(key)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
        }

        _h.Append("</table>\n");
        return this;
    }

    /// <summary>A table; a column whose header starts with '#' is right-aligned (amounts), '^' centred.</summary>
    public PaperHtml Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<string>? total = null, string? css = null)
    {
        _h.Append(css is null ? "<table>\n" : $"<table class=\"{css}\">\n").Append("<thead><tr>");
        foreach (var header in headers)
        {
            _h.Append("<th>").Append(E(header.TrimStart('#', '^'))).Append("</th>");
        }

        _h.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            Row(headers, row, "");
        }

        if (total is not null)
        {
            Row(headers, total, " class=\"total\"");
        }

        _h.Append("</tbody>\n</table>\n");
        return this;
    }

    public PaperHtml Notes(params string[] lines)
    {
        _h.Append("<section class=\"notes\">\n");
        foreach (var line in lines)
        {
            _h.Append("<p>").Append(E(line)).Append("</p>\n");
        }

        _h.Append("</section>\n");
        return this;
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(_h.ToString() + "</body>\n</html>\n");

    public static string Yen(long yen) => "￥" + yen.ToString("N0", CultureInfo.InvariantCulture);

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string JapaneseDate(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日");

    private void Row(IReadOnlyList<string> headers, IReadOnlyList<string> row, string rowCss)
    {
        _h.Append("<tr").Append(rowCss).Append('>');
        for (var i = 0; i < row.Count; i++)
        {
            var header = i < headers.Count ? headers[i] : "";
            var cell = header.StartsWith('#') ? "<td class=\"n\">" : header.StartsWith('^') ? "<td class=\"c\">" : "<td>";
            _h.Append(cell).Append(E(row[i])).Append("</td>");
        }

        _h.Append("</tr>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
