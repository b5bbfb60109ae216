using System.Text;
using Tsuyama.LocalCurrency.Common;
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

    /// <summary>The CSV as rows of fields, read by the same reader the system reads uploads with.</summary>
    public static List<string[]> Rows(this SettlementFile file) =>
        CsvRows.Read(file.Text()).Select(row => row.Fields!.ToArray()).ToList();

    public static string[] Row(this SettlementFile file, string first) => file.Rows().Single(r => r[0] == first);
}
