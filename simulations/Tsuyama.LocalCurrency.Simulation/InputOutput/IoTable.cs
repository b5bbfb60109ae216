using System.Globalization;
using System.Reflection;
using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Simulation.InputOutput;

/// <summary>One sector of a regional input-output table, with the ratios prefectural ripple-effect tools use.</summary>
public sealed record IoSector
{
    public required string Code { get; init; }
    public required string Name { get; init; }

    /// <summary>県内自給率 1 − m̂: share of demand for the sector's goods met from inside the region.</summary>
    public required double SelfSufficiency { get; init; }

    /// <summary>粗付加価値率: gross value added per yen of production.</summary>
    public required double ValueAddedRatio { get; init; }

    /// <summary>雇用者所得率: employee income per yen of production.</summary>
    public required double EmployeeIncomeRatio { get; init; }

    /// <summary>就業係数: workers per million yen of production.</summary>
    public required double WorkersPerMillionYen { get; init; }

    /// <summary>民間消費支出構成比: the household consumption pattern (sums to 1 over sectors).</summary>
    public required double HouseholdConsumptionShare { get; init; }
}

/// <summary>
/// A regional input-output table read from three CSV files in one directory: <c>inverse.csv</c> (the open-type
/// Leontief inverse [I − (I − M̂)A]⁻¹, first row and column the sector codes), <c>sectors.csv</c> (per-sector
/// ratios and the consumption pattern) and <c>parameters.csv</c> (key,value: name, source, illustrative,
/// averagePropensityToConsume). See simulations/io-tables/README.md.
/// </summary>
public sealed class IoTable
{
    public const string InverseFile = "inverse.csv";
    public const string SectorsFile = "sectors.csv";
    public const string ParametersFile = "parameters.csv";

    /// <summary>Tables shipped inside the library (usable from the API, which never reads paths).</summary>
    public static IReadOnlyList<string> BuiltinNames { get; } = ["illustrative-3sector"];

    private IoTable(string name, string source, bool illustrative, double propensity, IReadOnlyList<IoSector> sectors, double[,] inverse)
    {
        Name = name;
        Source = source;
        Illustrative = illustrative;
        AveragePropensityToConsume = propensity;
        Sectors = sectors;
        Inverse = inverse;
        Index = sectors.Select((s, i) => (s.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
    }

    public string Name { get; }
    public string Source { get; }

    /// <summary>True for tables made up to show the method; reports say so next to every figure.</summary>
    public bool Illustrative { get; }

    /// <summary>消費転換率: share of extra employee income spent on consumption.</summary>
    public double AveragePropensityToConsume { get; }

    public IReadOnlyList<IoSector> Sectors { get; }

    /// <summary>[row i, column j]: production of i per yen of final demand met from inside the region for j.</summary>
    public double[,] Inverse { get; }

    public IReadOnlyDictionary<string, int> Index { get; }

    /// <exception cref="IoTableException">A file is missing or breaks a rule (every problem is listed).</exception>
    public static IoTable Load(string directory)
    {
        var missing = new[] { InverseFile, SectorsFile, ParametersFile }.Where(f => !File.Exists(Path.Combine(directory, f))).ToList();
        if (missing.Count > 0)
        {
            throw new IoTableException(missing.Select(f => $"input-output table {directory}: {f} not found").ToList());
        }

        return Parse(
            File.ReadAllText(Path.Combine(directory, InverseFile)),
            File.ReadAllText(Path.Combine(directory, SectorsFile)),
            File.ReadAllText(Path.Combine(directory, ParametersFile)),
            directory);
    }

    /// <summary>A table shipped with the library, or null if there is none of that name.</summary>
    public static IoTable? Builtin(string name)
    {
        if (!BuiltinNames.Contains(name, StringComparer.Ordinal))
        {
            return null;
        }

        var assembly = typeof(IoTable).Assembly;
        return Parse(Resource(assembly, name, InverseFile), Resource(assembly, name, SectorsFile), Resource(assembly, name, ParametersFile), name);
    }

    public static IoTable Parse(string inverseCsv, string sectorsCsv, string parametersCsv, string where)
    {
        var errors = new List<string>();
        var parameters = ReadParameters(Rows(parametersCsv, $"{where}/{ParametersFile}", errors), where, errors);
        var sectors = ReadSectors(Rows(sectorsCsv, $"{where}/{SectorsFile}", errors), where, errors);
        var inverse = ReadInverse(Rows(inverseCsv, $"{where}/{InverseFile}", errors), sectors, where, errors);
        if (errors.Count > 0)
        {
            throw new IoTableException(errors);
        }

        return new IoTable(parameters.Name, parameters.Source, parameters.Illustrative, parameters.Propensity, sectors, inverse!);
    }

    private static List<string[]> Rows(string csv, string file, List<string> errors)
    {
        var rows = new List<string[]>();
        foreach (var row in CsvRows.Read(csv))
        {
            if (row.Fields is null)
            {
                errors.Add($"{file} line {row.Line}: a quoted field is not closed");
                continue;
            }

            rows.Add([.. row.Fields]);
        }

        return rows;
    }

    private static string Resource(Assembly assembly, string table, string file)
    {
        using var stream = assembly.GetManifestResourceStream($"Tsuyama.LocalCurrency.Simulation.IoTables.{table}.{file}")
            ?? throw new InvalidOperationException($"built-in input-output table {table} lacks {file}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static (string Name, string Source, bool Illustrative, double Propensity) ReadParameters(
        List<string[]> rows, string where, List<string> errors)
    {
        var values = rows.Skip(1).Where(r => r.Length >= 2).ToDictionary(r => r[0].Trim(), r => r[1].Trim(), StringComparer.Ordinal);
        string Get(string key)
        {
            if (values.TryGetValue(key, out var value) && value.Length > 0)
            {
                return value;
            }

            errors.Add($"{where}/{ParametersFile}: {key} is required");
            return string.Empty;
        }

        var name = Get("name");
        var source = Get("source");
        var illustrative = Get("illustrative");
        if (illustrative.Length > 0 && illustrative is not ("true" or "false"))
        {
            errors.Add($"{where}/{ParametersFile}: illustrative must be true or false (got \"{illustrative}\")");
        }

        var propensity = Number(Get("averagePropensityToConsume"), $"{where}/{ParametersFile}: averagePropensityToConsume", errors, 0, 1);
        return (name, source, illustrative == "true", propensity);
    }

    private static List<IoSector> ReadSectors(List<string[]> rows, string where, List<string> errors)
    {
        string[] header = ["code", "name", "selfSufficiency", "valueAddedRatio", "employeeIncomeRatio", "workersPerMillionYen", "householdConsumptionShare"];
        var sectors = new List<IoSector>();
        if (rows.Count < 2 || !rows[0].Select(h => h.Trim()).SequenceEqual(header, StringComparer.Ordinal))
        {
            errors.Add($"{where}/{SectorsFile}: the first row must be {string.Join(',', header)}, followed by one row per sector");
            return sectors;
        }

        foreach (var (row, line) in rows.Skip(1).Select((r, i) => (r, i + 2)))
        {
            var at = $"{where}/{SectorsFile} line {line}";
            if (row.Length != header.Length)
            {
                errors.Add($"{at}: expected {header.Length} fields, got {row.Length}");
                continue;
            }

            sectors.Add(new IoSector
            {
                Code = row[0].Trim(),
                Name = row[1].Trim(),
                SelfSufficiency = Number(row[2], $"{at}: selfSufficiency", errors, 0, 1),
                ValueAddedRatio = Number(row[3], $"{at}: valueAddedRatio", errors, 0, 1),
                EmployeeIncomeRatio = Number(row[4], $"{at}: employeeIncomeRatio", errors, 0, 1),
                WorkersPerMillionYen = Number(row[5], $"{at}: workersPerMillionYen", errors, 0, double.MaxValue),
                HouseholdConsumptionShare = Number(row[6], $"{at}: householdConsumptionShare", errors, 0, 1),
            });
        }

        // Published consumption patterns are rounded; a thousandth either way is rounding, more is a wrong column.
        var sum = sectors.Sum(s => s.HouseholdConsumptionShare);
        if (sectors.Count > 0 && Math.Abs(sum - 1) > 1e-3)
        {
            errors.Add($"{where}/{SectorsFile}: householdConsumptionShare must sum to 1 (got {sum.ToString("0.####", CultureInfo.InvariantCulture)})");
        }

        foreach (var duplicate in sectors.GroupBy(s => s.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"{where}/{SectorsFile}: sector code \"{duplicate.Key}\" appears more than once");
        }

        return sectors;
    }

    private static double[,]? ReadInverse(List<string[]> rows, List<IoSector> sectors, string where, List<string> errors)
    {
        var at = $"{where}/{InverseFile}";
        if (rows.Count < 2)
        {
            errors.Add($"{at}: needs a header row of sector codes and one row per sector");
            return null;
        }

        var codes = rows[0].Skip(1).Select(c => c.Trim()).ToArray();
        var n = codes.Length;
        var before = errors.Count;
        if (rows.Count - 1 != n)
        {
            errors.Add($"{at}: the inverse must be square: {n} column codes but {rows.Count - 1} rows");
        }

        if (!codes.SequenceEqual(sectors.Select(s => s.Code), StringComparer.Ordinal))
        {
            errors.Add($"{at}: the column codes ({string.Join(',', codes)}) must be the codes of {SectorsFile} in the same order");
        }

        if (errors.Count > before)
        {
            return null;
        }

        var inverse = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            var row = rows[i + 1];
            if (row.Length != n + 1 || row[0].Trim() != codes[i])
            {
                errors.Add($"{at} line {i + 2}: must start with code {codes[i]} and hold {n} numbers");
                continue;
            }

            for (var j = 0; j < n; j++)
            {
                // A Leontief inverse is non-negative with at least 1 on the diagonal.
                inverse[i, j] = Number(row[j + 1], $"{at} line {i + 2}, column {codes[j]}", errors, i == j ? 1 : 0, double.MaxValue);
            }
        }

        return inverse;
    }

    private static double Number(string text, string what, List<string> errors, double min, double max)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add($"{what} is not a number (got \"{text}\")");
            return 0;
        }

        if (value < min || value > max)
        {
            var (lo, hi) = (min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));
            var range = max == double.MaxValue ? $"at least {lo}" : $"between {lo} and {hi}";
            errors.Add($"{what} must be {range} (got {value.ToString(CultureInfo.InvariantCulture)})");
        }

        return value;
    }
}

/// <summary>An input-output table that cannot be used, with every reason.</summary>
public sealed class IoTableException(IReadOnlyList<string> errors) : Exception(string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
