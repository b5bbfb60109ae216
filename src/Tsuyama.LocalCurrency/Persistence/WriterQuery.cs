using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>
/// A LINQ query's SQL as EF generates it, for <see cref="WriterStatements.ReadAsync"/>: made once from the query run with
/// sample values, whose parameters are then found by those values (EF names them, not us).
/// </summary>
internal sealed record WriterQuery(string Sql, IReadOnlyList<string> ParameterNames)
{
    public static WriterQuery From(IQueryable query, params object[] samples)
    {
        using var command = query.CreateDbCommand();
        var parameters = command.Parameters.Cast<DbParameter>().ToList();
        var names = samples.Select(sample => parameters.SingleOrDefault(p => Same(p.Value, sample))?.ParameterName
            ?? throw new InvalidOperationException($"No parameter of the generated SQL holds the sample {sample}: {command.CommandText}")).ToList();
        if (names.Count != parameters.Count)
        {
            throw new InvalidOperationException($"The generated SQL has {parameters.Count} parameters, not {names.Count}: {command.CommandText}");
        }

        return new WriterQuery(command.CommandText, names);
    }

    /// <summary>A provider may hand a parameter its value converted (a Guid as text, say).</summary>
    private static bool Same(object? value, object sample) =>
        Equals(value, sample) || string.Equals(value?.ToString(), sample.ToString(), StringComparison.OrdinalIgnoreCase)
        || (sample is DateOnly day && string.Equals(value?.ToString(), day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal));
}
