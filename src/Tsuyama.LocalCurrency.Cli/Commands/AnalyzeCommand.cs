using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tsuyama.LocalCurrency.Cli.Infrastructure;
using Tsuyama.LocalCurrency.Features.Analytics.Calibration;
using Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Cli.Commands;

/// <summary>
/// <c>analyze [--from] [--to] [--json] [--scenario-out &lt;file&gt;] [--base-scenario &lt;file&gt;]</c> (DESIGN §9):
/// circulation figures from the live ledger and, on request, a scenario calibrated from them.
/// </summary>
internal static class AnalyzeCommand
{
    private static readonly Option<string?> From = new("--from") { Description = "First JST day, yyyy-MM-dd (default: the day of the first transfer)" };
    private static readonly Option<string?> To = new("--to") { Description = "Last JST day, inclusive, yyyy-MM-dd (default: today)" };
    private static readonly Option<FileInfo?> ScenarioOut = new("--scenario-out")
        { Description = "Write a scenario calibrated from these figures to this file (runs with `simulate`)" };
    private static readonly Option<FileInfo?> BaseScenario = new("--base-scenario")
    {
        Description = "Scenario whose values the ledger cannot observe are kept (default: the built-in tsuyama-baseline.json)",
    };

    public static Command Create()
    {
        var command = new Command("analyze", "Circulation figures from the live ledger (aggregated: no figure describes fewer than 3 merchants)")
        {
            From, To, CommonOptions.Json, ScenarioOut, BaseScenario,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        if (!TryDay(parse.GetValue(From), "--from", out var from) || !TryDay(parse.GetValue(To), "--to", out var to))
        {
            return ExitCodes.Failed;
        }

        // Read the base first: a typo in its path should not cost a pass over the ledger.
        Scenario? baseScenario = null;
        if (parse.GetValue(BaseScenario) is { } baseFile && !TryLoad(baseFile, out baseScenario))
        {
            return ExitCodes.Failed;
        }

        await using var services = CliServices.Build(parse.GetValue(CommonOptions.Db));
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        CirculationReport report;
        CalibratedScenarioJson? calibrated = null;
        if (parse.GetValue(ScenarioOut) is { } outFile)
        {
            // The same use case as the API's /analytics/circulation/scenario, so both calibrate alike.
            var result = await mediator.Send(new GetCalibratedScenarioQuery(from, to, baseScenario), ct);
            if (!result.IsSuccess)
            {
                return ResultOutput.Fail(result.Error);
            }

            (calibrated, report) = (result.Value, result.Value.Report);
            outFile.Directory?.Create();
            await File.WriteAllTextAsync(outFile.FullName, calibrated.ScenarioJson, ct);
        }
        else
        {
            var result = await mediator.Send(new GetCirculationQuery(from, to), ct);
            if (!result.IsSuccess)
            {
                return ResultOutput.Fail(result.Error);
            }

            report = result.Value;
        }

        if (parse.GetValue(CommonOptions.Json))
        {
            Console.WriteLine(JsonSerializer.Serialize(report, CliJson.Options));
        }
        else
        {
            CirculationTables.Print(report);
            if (calibrated is not null)
            {
                ResultOutput.Ok($"Calibrated scenario written to {parse.GetValue(ScenarioOut)!.FullName}");
                foreach (var note in calibrated.Notes)
                {
                    Console.WriteLine($"- {note}");
                }
            }
        }

        return ExitCodes.Ok;
    }

    private static bool TryDay(string? text, string option, out DateOnly? day)
    {
        day = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        ResultOutput.Fail($"{option} must be a date written yyyy-MM-dd, e.g. 2026-04-01 (got \"{text}\")");
        return false;
    }

    private static bool TryLoad(FileInfo file, out Scenario? scenario)
    {
        try
        {
            scenario = ScenarioLoader.Load(file.FullName);
            return true;
        }
        catch (ScenarioValidationException ex)
        {
            scenario = null;
            Problems($"cannot use the base scenario {file.FullName}", ex);
            return false;
        }
    }

    private static int Problems(string what, ScenarioValidationException ex)
    {
        Console.Error.WriteLine($"error: {what}");
        foreach (var problem in ex.Errors)
        {
            Console.Error.WriteLine($"  - {problem}");
        }

        return ExitCodes.Failed;
    }
}
