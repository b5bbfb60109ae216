using System.Globalization;
using System.Text;

namespace Tsuyama.LocalCurrency.Features.Settlements.GetSettlementStatement;

/// <summary>
/// The statement as CSV for spreadsheets: UTF-8 with a BOM (Excel in Japan reads BOM-less UTF-8 as
/// Shift_JIS), CRLF, RFC 4180 quoting, and text that could start a formula neutralised.
/// </summary>
internal static class StatementCsv
{
    public static byte[] Render(Statement s)
    {
        var c = new StringBuilder(4096);
        Line(c, "精算明細書");
        Line(c, "加盟店", s.MerchantName);
        Line(c, "精算ID", s.SettlementId.ToString());
        Line(c, "締め日", Day(s.Cutoff));
        Line(c, "対象期間", StatementText.Period(s));
        Line(c, "振込予定日", Day(s.TransferDate));
        Line(c, "振込先", s.BankCode, s.BranchCode, StatementText.AccountType(s.AccountType), s.MaskedAccountNumber, s.HolderKana);
        Line(c);
        Line(c, "事業コード", "事業名", "換金ポイント", "手数料(税込)", "うち消費税(10%)", "振込額");
        foreach (var l in s.Lines)
        {
            Line(c, l.ProgramCode, l.ProgramName, N(l.Points), N(l.FeeYen), N(l.TaxInFeeYen), N(l.PayoutYen));
        }

        Line(c, "合計", "", N(s.Points), N(s.FeeYen), N(s.TaxInFeeYen), N(s.PayoutYen));
        Line(c);
        Line(c, "日時(日本時間)", "種別", "参照番号", "ポイント");
        foreach (var e in s.Entries)
        {
            Line(c, StatementText.Jst(e.At), StatementText.Kind(e.Kind), e.Reference.ToString(), N(e.Points));
        }

        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(c.ToString());
        return [.. preamble, .. body];
    }

    /// <summary>Also used by the audit export, so spreadsheet-safe quoting is written once.</summary>
    internal static void Line(StringBuilder c, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                c.Append(',');
            }

            c.Append(Field(fields[i]));
        }

        c.Append("\r\n");
    }

    private static string Field(string value)
    {
        // A leading = + - @ would make a spreadsheet evaluate a merchant-supplied name as a formula.
        // Numbers are written by us and keep their sign.
        var text = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? "'" + value
            : value;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
