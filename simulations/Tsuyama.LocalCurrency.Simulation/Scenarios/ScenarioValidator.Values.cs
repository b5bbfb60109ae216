using System.Globalization;

namespace Tsuyama.LocalCurrency.Simulation.Scenarios;

/// <summary>Checks of single values shared by every section.</summary>
internal static partial class ScenarioValidator
{
    internal static double Share(double? value, string path, List<string> errors)
    {
        if (value is null)
        {
            errors.Add($"{path} is required");
            return 0;
        }

        if (!double.IsFinite(value.Value) || value < 0 || value > 1)
        {
            errors.Add(Describe(path, value, "must be a share between 0 and 1"));
        }

        return value.Value;
    }

    // Fees and breakage of 100 % would leave nothing to circulate; they are shares strictly below 1.
    private static double Fee(double? value, string path, List<string> errors)
    {
        if (value is null)
        {
            errors.Add($"{path} is required");
            return 0;
        }

        if (!double.IsFinite(value.Value) || value < 0 || value >= 1)
        {
            errors.Add(Describe(path, value, "must be at least 0 and below 1"));
        }

        return value.Value;
    }

    internal static int Positive(int? value, string path, List<string> errors)
    {
        if (value is not > 0)
        {
            errors.Add(value is null ? $"{path} is required" : Describe(path, value, "must be a positive whole number"));
            return 0;
        }

        return value.Value;
    }

    internal static string Describe<T>(string path, T? value, string rule)
        where T : struct, IFormattable =>
        value is null ? $"{path} is required" : $"{path} {rule} (got {value.Value.ToString(null, CultureInfo.InvariantCulture)})";
}
