using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Grants.GrantPoints;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Grants.GrantFromCsv;

/// <summary>
/// Bulk grants from CSV (UTF-8, header <c>resident,points,reason,key</c>; resident is an e-mail or
/// resident id). Each row is its own <see cref="GrantPointsCommand"/> in its own transaction, so a
/// refused row changes nothing and does not stop the others; a key repeated within the file is
/// refused on its second appearance; re-uploading a file grants nothing twice.
/// </summary>
public sealed record GrantFromCsvCommand(string BudgetCode, string Csv, string Actor) : IRequest<Result<GrantCsvReport>>;

public enum GrantRowOutcome
{
    Granted = 0,
    AlreadyGranted = 1,
    Refused = 2,
}

/// <param name="Line">1-based line in the file (the header is line 1).</param>
public sealed record GrantRowReport(int Line, string? Key, GrantRowOutcome Outcome, Guid? GrantId, long? Points, string? Reason);

public sealed record GrantCsvReport(string BudgetCode, int Granted, int AlreadyGranted, int Refused, long PointsGranted, IReadOnlyList<GrantRowReport> Rows);

internal sealed class GrantFromCsvValidator : IValidator<GrantFromCsvCommand>
{
    public const int MaxRows = 50_000;

    public void Validate(GrantFromCsvCommand r, ValidationErrors e)
    {
        e.NotBlank(r.BudgetCode, "budgetCode", 32);
        var header = GrantCsv.Lines(r.Csv ?? "").FirstOrDefault();
        e.Require(header is not null && GrantCsv.IsHeader(header), "csv", $"must start with the header '{GrantCsv.Header}'");
        e.Require(GrantCsv.Lines(r.Csv ?? "").Count() <= MaxRows + 1, "csv", $"may hold at most {MaxRows} rows");
    }
}

internal sealed class GrantFromCsvHandler(IMediator mediator, LedgerDbContext db) : IRequestHandler<GrantFromCsvCommand, Result<GrantCsvReport>>
{
    public async Task<Result<GrantCsvReport>> Handle(GrantFromCsvCommand r, CancellationToken ct)
    {
        if (!await db.GrantBudgets.AnyAsync(b => b.Code == r.BudgetCode, ct).ConfigureAwait(false))
        {
            return Error.NotFound("Grant budget", r.BudgetCode);
        }

        var rows = new List<GrantRowReport>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 1;
        foreach (var line in GrantCsv.Lines(r.Csv).Skip(1))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = GrantCsv.Split(line);
            if (fields is not [var resident, var pointsText, var reason, var key])
            {
                rows.Add(Refused(lineNumber, null, $"expected 4 fields ({GrantCsv.Header}), found {fields?.Count.ToString() ?? "an unterminated quote"}"));
                continue;
            }

            if (!long.TryParse(pointsText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var points))
            {
                rows.Add(Refused(lineNumber, key, $"points '{pointsText}' is not a whole positive number"));
                continue;
            }

            if (key.Length > 0 && !keys.TryAdd(key, lineNumber))
            {
                rows.Add(Refused(lineNumber, key, $"key '{key}' already appears on line {keys[key]} of this file"));
                continue;
            }

            var result = await mediator.Send(new GrantPointsCommand(r.BudgetCode, resident, points, reason, key, r.Actor), ct).ConfigureAwait(false);
            rows.Add(result.IsSuccess
                ? new GrantRowReport(lineNumber, key, result.Value.AlreadyGranted ? GrantRowOutcome.AlreadyGranted : GrantRowOutcome.Granted,
                    result.Value.GrantId, result.Value.Points, null)
                : Refused(lineNumber, key, result.Error.Detail));
        }

        var granted = rows.Where(x => x.Outcome == GrantRowOutcome.Granted).ToList();
        return new GrantCsvReport(r.BudgetCode, granted.Count, rows.Count(x => x.Outcome == GrantRowOutcome.AlreadyGranted),
            rows.Count(x => x.Outcome == GrantRowOutcome.Refused), granted.Sum(x => x.Points ?? 0), rows);
    }

    private static GrantRowReport Refused(int line, string? key, string why) => new(line, key, GrantRowOutcome.Refused, null, null, why);
}

/// <summary>RFC 4180 enough for this file: comma separated, double quotes around a field that holds commas or quotes.</summary>
internal static class GrantCsv
{
    public const string Header = "resident,points,reason,key";

    public static IEnumerable<string> Lines(string csv) => csv.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r'));

    public static bool IsHeader(string line) => string.Equals(line.Replace(" ", "", StringComparison.Ordinal), Header, StringComparison.OrdinalIgnoreCase);

    /// <returns>The trimmed fields, or null if a quote is not closed.</returns>
    public static IReadOnlyList<string>? Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }
}
