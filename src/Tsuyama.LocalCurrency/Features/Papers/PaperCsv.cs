using System.Globalization;
using System.Text;

namespace Tsuyama.LocalCurrency.Features.Papers;

/// <summary>
/// CSV for spreadsheets and accounting imports: CRLF, RFC 4180 quoting, and text that could start a
/// formula neutralised (names are user input). Encoded as UTF-8 with a BOM (Excel in Japan reads
/// BOM-less UTF-8 as Shift_JIS) or as Shift_JIS for packages that only read that.
/// </summary>
internal sealed class PaperCsv
{
    private readonly StringBuilder _text = new(4096);

    public PaperCsv Line(params string[] fields)
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

    public byte[] Utf8WithBom() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    /// <summary>Code page 932; a character it lacks (an emoji in a shop name) becomes '?', as Windows itself writes it.</summary>
    public byte[] ShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback).GetBytes(_text.ToString());
    }

    public override string ToString() => _text.ToString();

    public static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    private static string Field(string value)
    {
        // Numbers are written by us and keep their sign; anything else starting like a formula is quoted out.
        var text = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal)
            && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? "'" + value
            : value;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
