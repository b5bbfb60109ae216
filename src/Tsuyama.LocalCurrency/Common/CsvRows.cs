using System.Text;

namespace Tsuyama.LocalCurrency.Common;

/// <summary>One line of a CSV file: its 1-based line number and its fields, or null fields when a quote is not closed.</summary>
internal readonly record struct CsvRow(int Line, IReadOnlyList<string>? Fields);

/// <summary>
/// The one CSV reader, for every file this system reads (grant uploads, input-output tables, and
/// the tests reading back our downloads), so they share one set of rules: a leading BOM is ignored;
/// LF or CRLF ends a record, and no field holds a line break (none of these files needs one, and a
/// line number then always points at the record); RFC 4180 quotes with doubled quotes inside;
/// fields are trimmed; blank lines are skipped but still counted. A line whose quote is not closed
/// comes back with null fields for the caller to refuse, never as a guess.
/// </summary>
/// <remarks>
/// Compiled into the simulation library too (linked source), which the core references and so cannot reference back.
/// </remarks>
internal static class CsvRows
{
    /// <summary>The physical lines, BOM and line ends removed.</summary>
    public static IEnumerable<string> Lines(string text) =>
        text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r'));

    public static IEnumerable<CsvRow> Read(string text) =>
        Lines(text).Select((line, i) => (line, i)).Where(l => !string.IsNullOrWhiteSpace(l.line))
            .Select(l => new CsvRow(l.i + 1, Split(l.line)));

    /// <returns>The trimmed fields, or null if a quote is not closed.</returns>
    public static IReadOnlyList<string>? Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }
}
