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
}
