namespace Tsuyama.LocalCurrency.Tests.Common;

/// <summary>
/// Keeps the <c>max_line_length = 160</c> of .editorconfig: editors only show it, so without this test long lines
/// creep back and scroll off side-by-side diffs. Generated EF migrations are not ours to wrap.
/// </summary>
public sealed class SourceLineLengthTests
{
    private const int MaxLineLength = 160;

    private static readonly string[] SkippedDirectories = ["bin", "obj", ".git", "node_modules", "Migrations", "TestResults"];

    [Fact]
    public void SourceLines_AreAtMost160Characters()
    {
        var root = RepositoryRoot();
        var tooLong = new List<string>();
        foreach (var file in SourceFiles(root))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length > MaxLineLength)
                {
                    tooLong.Add($"{relative}:{i + 1} ({lines[i].Length} characters)");
                }
            }
        }

        tooLong.Should().BeEmpty($"lines are wrapped at {MaxLineLength} characters (.editorconfig max_line_length)");
    }

    [Fact]
    public void SourceFiles_FindsThisFile()
    {
        // Guards the walk itself: a wrong root or filter would make the length check pass on no files at all.
        SourceFiles(RepositoryRoot()).Should().Contain(f => f.EndsWith(nameof(SourceLineLengthTests) + ".cs", StringComparison.Ordinal));
    }

    private static IEnumerable<string> SourceFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            if (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal)
                || file.EndsWith(".razor", StringComparison.Ordinal))
            {
                yield return file;
            }
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            if (SkippedDirectories.Contains(Path.GetFileName(child)))
            {
                continue;
            }

            foreach (var file in SourceFiles(child))
            {
                yield return file;
            }
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tsuyama.LocalCurrency.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName
            ?? throw new InvalidOperationException("Tsuyama.LocalCurrency.sln not found above " + AppContext.BaseDirectory);
    }
}
