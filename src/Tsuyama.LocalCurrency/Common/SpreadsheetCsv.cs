using System.Globalization;
using System.Text;

namespace Tsuyama.LocalCurrency.Common;

/// <summary>
/// CSV for spreadsheets, the one set of rules for every download: UTF-8 with a BOM (Excel in Japan
/// reads BOM-less UTF-8 as Shift_JIS), CRLF, RFC 4180 quoting, and text that could start a
/// formula neutralised.
/// </summary>
internal sealed class SpreadsheetCsv
{
    private readonly StringBuilder _text = new(4096);

    public SpreadsheetCsv Line(params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
            }

            _text.Append(Field(fields[i]));
        }

        _text.Append("\r\n");
        return this;
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    public static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Field(string value)
    {
        // A leading = + - @ would make a spreadsheet evaluate a merchant-supplied name as a formula.
        // Numbers are written by us and keep their sign.
        var text = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? "'" + value
            : value;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
