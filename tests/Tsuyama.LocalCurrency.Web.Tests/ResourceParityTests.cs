using System.Xml.Linq;

namespace Tsuyama.LocalCurrency.Web.Tests;

/// <summary>
/// Japanese is the neutral resource and English its satellite: a key missing from one would show its
/// raw name on the page in that language, so every file pair must hold the same keys.
/// </summary>
public sealed class ResourceParityTests
{
    public static TheoryData<string> Pairs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ResourcesDirectory(), "*.resx").Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal)).Order())
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Resources_JapaneseAndEnglish_HoldTheSameKeys(string name)
    {
        var japanese = Keys(Path.Combine(ResourcesDirectory(), name + ".resx"));
        var english = Keys(Path.Combine(ResourcesDirectory(), name + ".en.resx"));

        japanese.Except(english).Should().BeEmpty($"every Japanese text in {name} needs its English");
        english.Except(japanese).Should().BeEmpty($"every English text in {name} needs its Japanese");
    }

    [Fact]
    public void Resources_NoKeyIsDefinedTwice()
    {
        var all = Directory.GetFiles(ResourcesDirectory(), "*.resx").Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal))
            .SelectMany(f => Keys(f).Select(k => (File: Path.GetFileName(f), Key: k)))
            .GroupBy(x => x.Key).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.File))}");

        // The page text looks keys up file by file, so a second definition would silently never be shown.
        all.Should().BeEmpty();
    }

    private static List<string> Keys(string path) =>
        XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();

    private static string ResourcesDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tsuyama.LocalCurrency.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "src", "Tsuyama.LocalCurrency.Web", "Resources");
    }
}
