using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tsuyama.LocalCurrency.Simulation.Scenarios;

/// <summary>Reads scenario JSON (DESIGN §7) and returns a validated <see cref="Scenario"/>.</summary>
public static class ScenarioLoader
{
    /// <summary>camelCase, comments and trailing commas allowed (people edit these files by hand).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    private static readonly JsonSerializerOptions StrictOptions = new(CreateOptions())
    {
        // A misspelt field name would otherwise silently fall back to "missing"; say so instead.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static Scenario Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioValidationException([$"scenario file not found: {path}"]);
        }

        return Parse(File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <param name="baseDirectory">
    /// Where inputOutput.table directories are looked up; null (the API) allows only built-in tables, so a
    /// posted scenario can never make the server read a path.
    /// </param>
    public static Scenario Parse(string json, string? baseDirectory = null)
    {
        ScenarioDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ScenarioDocument>(json, StrictOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? string.Empty : $" at {ex.Path}";
            throw new ScenarioValidationException([$"not valid scenario JSON{where}: {FirstLine(ex.Message)}"]);
        }

        if (document is null)
        {
            throw new ScenarioValidationException(["the scenario is empty (JSON null)"]);
        }

        return ScenarioValidator.Validate(document, baseDirectory);
    }

    public static string ToJson(Scenario scenario) => JsonSerializer.Serialize(scenario, JsonOptions);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = true,
            // Optional fields left out stay out, so a written scenario reads like the hand-written ones.
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
