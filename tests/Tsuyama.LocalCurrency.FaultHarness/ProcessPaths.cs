namespace Tsuyama.LocalCurrency.FaultHarness;

/// <summary>Where the web host and the CLI were built, next to this assembly's configuration.</summary>
public static class ProcessPaths
{
    public static string WebHostDll => Find("src/Tsuyama.LocalCurrency.Web", "Tsuyama.LocalCurrency.Web.dll");

    public static string CliDll => Find("src/Tsuyama.LocalCurrency.Cli", "tsuyama-lc.dll");

    private static string Find(string project, string dll)
    {
        var baseDir = AppContext.BaseDirectory;
        var configuration = baseDir.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var root = new DirectoryInfo(baseDir);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Tsuyama.LocalCurrency.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No Tsuyama.LocalCurrency.sln above {baseDir}.");
        }

        var path = Path.Combine(root.FullName, project, "bin", configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} ({configuration}) first.", path);
    }
}
