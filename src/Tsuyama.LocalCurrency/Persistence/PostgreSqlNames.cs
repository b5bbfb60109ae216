using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Tsuyama.LocalCurrency.Persistence;

/// <summary>
/// PostgreSQL folds unquoted names to lower case while EF creates the model's PascalCase names quoted,
/// so a check constraint written as <c>Amount &gt; 0</c> names a column that does not exist there. The
/// configurations keep one plain text for every provider; on PostgreSQL each of the table's column
/// names in it is quoted. (SQLite and SQL Server keep their text, so their migrations do not change.)
/// </summary>
internal static partial class PostgreSqlNames
{
    public static void QuoteCheckConstraintColumns(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var checks = entity.GetCheckConstraints().ToList();
            if (checks.Count == 0)
            {
                continue;
            }

            var columns = entity.GetProperties().Select(p => p.GetColumnName()).ToHashSet(StringComparer.Ordinal);
            foreach (var check in checks)
            {
                var name = check.ModelName;
                var sql = Identifier().Replace(check.Sql, m => columns.Contains(m.Value) ? $"\"{m.Value}\"" : m.Value);
                entity.RemoveCheckConstraint(name);
                entity.AddCheckConstraint(name, sql);
            }
        }
    }

    [GeneratedRegex("(?<![\"\\w])[A-Za-z_][A-Za-z0-9_]*(?![\"\\w])")]
    private static partial Regex Identifier();
}
