using System.Text.Json;

namespace Tsuyama.LocalCurrency.Simulation.Results;

/// <summary>Serialises results with the contract's camelCase names.</summary>
public static class ResultJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Scenario names are Japanese; keep them readable. HTML output encodes separately.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(SimulationResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>Reads back a stored result (the chamber's console draws its pages from it instead of running again).</summary>
    public static SimulationResult Deserialize(string json) =>
        JsonSerializer.Deserialize<SimulationResult>(json, Options) ?? throw new JsonException("the stored result is JSON null");
}
