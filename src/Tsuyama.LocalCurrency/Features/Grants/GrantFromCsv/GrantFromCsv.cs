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
        var header = CsvRows.Lines(r.Csv ?? "").FirstOrDefault();
        e.Require(header is not null && GrantCsv.IsHeader(header), "csv", $"must start with the header '{GrantCsv.Header}'");
        e.Require(CsvRows.Lines(r.Csv ?? "").Count() <= MaxRows + 1, "csv", $"may hold at most {MaxRows} rows");
    }
}

internal sealed class GrantFromCsvHandler(IMediator mediator, LedgerDbContext db) : IRequestHandler<GrantFromCsvCommand, Result<GrantCsvReport>>
{
    public async Task<Result<GrantCsvReport>> Handle(GrantFromCsvCommand command, CancellationToken ct)
    {
        if (!await db.GrantBudgets.AnyAsync(b => b.Code == command.BudgetCode, ct).ConfigureAwait(false))
        {
            return Error.NotFound("Grant budget", command.BudgetCode);
        }

        var rows = new List<GrantRowReport>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (lineNumber, fields) in CsvRows.Read(command.Csv).Where(row => row.Line > 1))
        {
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

            var result = await mediator.Send(new GrantPointsCommand(command.BudgetCode, resident, points, reason, key, command.Actor), ct)
                .ConfigureAwait(false);
            rows.Add(result.IsSuccess
                ? new GrantRowReport(lineNumber, key, result.Value.AlreadyGranted ? GrantRowOutcome.AlreadyGranted : GrantRowOutcome.Granted,
                    result.Value.GrantId, result.Value.Points, null)
                : Refused(lineNumber, key, result.Error.Detail));
        }

        var granted = rows.Where(x => x.Outcome == GrantRowOutcome.Granted).ToList();
        return new GrantCsvReport(command.BudgetCode, granted.Count, rows.Count(x => x.Outcome == GrantRowOutcome.AlreadyGranted),
            rows.Count(x => x.Outcome == GrantRowOutcome.Refused), granted.Sum(x => x.Points ?? 0), rows);
    }

    private static GrantRowReport Refused(int line, string? key, string why) => new(line, key, GrantRowOutcome.Refused, null, null, why);
}

/// <summary>The header of the file; the rows are read by <see cref="CsvRows"/>.</summary>
internal static class GrantCsv
{
    public const string Header = "resident,points,reason,key";

    public static bool IsHeader(string line) => string.Equals(line.Replace(" ", "", StringComparison.Ordinal), Header, StringComparison.OrdinalIgnoreCase);
}
