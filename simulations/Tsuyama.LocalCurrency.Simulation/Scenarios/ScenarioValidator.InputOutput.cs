using Tsuyama.LocalCurrency.Simulation.InputOutput;
using Tsuyama.LocalCurrency.Simulation.Uncertainty;

namespace Tsuyama.LocalCurrency.Simulation.Scenarios;

/// <summary>The input-output section: the table and the sector map.</summary>
internal static partial class ScenarioValidator
{
    private static (InputOutputSettings?, IoTable?) ValidateInputOutput(
        InputOutputDocument? doc, IReadOnlyList<Sector>? sectors, string? baseDirectory, List<string> errors)
    {
        if (doc is null)
        {
            return (null, null);
        }

        IoTable? table = null;
        if (string.IsNullOrWhiteSpace(doc.Table))
        {
            errors.Add($"inputOutput.table is required: a built-in table ({string.Join(", ", IoTable.BuiltinNames)}) or a directory");
        }
        else
        {
            try
            {
                table = IoTable.Builtin(doc.Table) ?? (baseDirectory is null ? null : IoTable.Load(Path.Combine(baseDirectory, doc.Table)));
                if (table is null)
                {
                    errors.Add($"inputOutput.table \"{doc.Table}\" is not a built-in table ({string.Join(", ", IoTable.BuiltinNames)}); " +
                        "a table directory can be named only in a scenario file given to the CLI");
                }
            }
            catch (IoTableException ex)
            {
                errors.AddRange(ex.Errors.Select(e => "inputOutput.table: " + e));
            }
        }

        var map = doc.SectorMap ?? [];
        if (table is not null && sectors is not null)
        {
            foreach (var sector in sectors.Where(s => !map.ContainsKey(s.Id)))
            {
                errors.Add($"inputOutput.sectorMap has no table sector for \"{sector.Id}\"");
            }

            foreach (var (id, code) in map)
            {
                if (!sectors.Any(s => s.Id == id))
                {
                    errors.Add($"inputOutput.sectorMap names unknown sector id \"{id}\"");
                }

                if (!table.Index.ContainsKey(code))
                {
                    errors.Add($"inputOutput.sectorMap[\"{id}\"]: table {table.Name} has no sector code \"{code}\"");
                }
            }
        }

        return (doc.Table is null ? null : new InputOutputSettings { Table = doc.Table, SectorMap = map }, table);
    }
}
