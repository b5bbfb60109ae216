using System.Text;
using Tsuyama.LocalCurrency.Features.Papers;
using Tsuyama.LocalCurrency.Features.Settlements;

namespace Tsuyama.LocalCurrency.Tests.Papers;

internal static class PaperTestData
{
    public static readonly PaperReader CityOffice = PaperReader.CityOffice("user:city-office");

    public static string Text(this SettlementFile file)
    {
        var bom = Encoding.UTF8.GetPreamble();
        var content = file.Content.AsSpan();
        return Encoding.UTF8.GetString(content.StartsWith(bom) ? content[bom.Length..] : content);
    }

    /// <summary>The CSV as rows of fields (RFC 4180 quotes; our documents have no line breaks inside a field).</summary>
    public static List<string[]> Rows(this SettlementFile file) =>
        file.Text().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(Fields).ToList();

    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    public static string[] Row(this SettlementFile file, string first) => file.Rows().Single(r => r[0] == first);
}
