using System.CommandLine;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tsuyama.LocalCurrency.Cli.Infrastructure;
using Tsuyama.LocalCurrency.Features.Grants.GrantFromCsv;

namespace Tsuyama.LocalCurrency.Cli.Commands;

internal static class GrantCommand
{
    public static readonly Option<string> Budget = new("--budget") { Description = "Code of the grant budget", Required = true };

    public static readonly Option<FileInfo> Csv = new("--csv")
    {
        Description = "UTF-8 CSV with header resident,points,reason,key (resident: e-mail or id); each row is granted once by its key",
        Required = true,
    };

    public static Command Create()
    {
        var command = new Command("grant", "Grant points from a budget to the residents of a CSV file; prints a per-row report (exit 1 if any row was refused)")
        {
            Budget, Csv, CommonOptions.Json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(Csv)!;
            if (!file.Exists)
            {
                return ResultOutput.Fail($"--csv: file '{file.FullName}' does not exist.");
            }

            var csv = await File.ReadAllTextAsync(file.FullName, System.Text.Encoding.UTF8, ct);
            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Db));
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new GrantFromCsvCommand(parse.GetValue(Budget)!, csv, $"cli:grant:{file.Name}"), ct);
            if (!result.IsSuccess)
            {
                return ResultOutput.Fail(result.Error);
            }

            var r = result.Value;
            if (parse.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(r, CliJson.Options));
            }
            else
            {
                var table = new Table().AddColumns("line", "key", "outcome", "points", "why");
                foreach (var row in r.Rows)
                {
                    table.AddRow(Markup.Escape(row.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)), Markup.Escape(row.Key ?? ""),
                        row.Outcome switch
                        {
                            GrantRowOutcome.Refused => "[red]refused[/]",
                            GrantRowOutcome.Granted => "[green]granted[/]",
                            _ => "already granted",
                        },
                        row.Points?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "", Markup.Escape(row.Reason ?? ""));
                }

                AnsiConsole.Write(table);
                Console.WriteLine($"{r.Granted} granted ({r.PointsGranted:N0} points), {r.AlreadyGranted} already granted, {r.Refused} refused.");
            }

            return r.Refused == 0 ? ExitCodes.Ok : ExitCodes.Problems;
        });
        return command;
    }
}
