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

    /// <summary>The CSV as rows of fields; our test data has no quoted commas.</summary>
    public static List<string[]> Rows(this SettlementFile file) =>
        file.Text().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();

    public static string[] Row(this SettlementFile file, string first) => file.Rows().Single(r => r[0] == first);
}
