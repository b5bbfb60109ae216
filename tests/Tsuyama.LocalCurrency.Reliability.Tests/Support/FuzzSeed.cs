namespace Tsuyama.LocalCurrency.Reliability.Tests.Support;

/// <summary>
/// Fixed seeds keep <c>dotnet test</c> reproducible (and Stryker's first run stable); setting
/// <c>CsCheck_Seed</c> replays a failure's printed seed, and <c>CsCheck_Random=1</c> explores new cases.
/// </summary>
public static class FuzzSeed
{
    public static string? Or(string fixedSeed) =>
        Environment.GetEnvironmentVariable("CsCheck_Seed") is { Length: > 0 } replay ? replay
        : Environment.GetEnvironmentVariable("CsCheck_Random") == "1" ? null
        : fixedSeed;
}
