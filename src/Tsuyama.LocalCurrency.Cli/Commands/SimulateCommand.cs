using System.CommandLine;
using Spectre.Console;
using Tsuyama.LocalCurrency.Simulation;
using Tsuyama.LocalCurrency.Simulation.Reports;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Cli.Commands;

/// <summary><c>simulate &lt;scenario.json&gt; [--runs N] [--json] [--out &lt;dir&gt;]</c> (DESIGN §9): both simulation engines.</summary>
public static class SimulateCommand
{
    public const int InvalidInput = 2;
    public const int Cancelled = 130;

    public static Command Create()
    {
        var scenarioArgument = new Argument<FileInfo>("scenario") { Description = "Scenario JSON file (DESIGN §7), e.g. simulations/scenarios/tsuyama-baseline.json" };
        var runsOption = new Option<int?>("--runs") { Description = "Monte Carlo runs (overrides monteCarlo.runs in the scenario)" };
        runsOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--runs must be at least 1.");
            }
        });
        var jsonOption = new Option<bool>("--json") { Description = "Print the result as JSON to standard output (no progress bar)" };
        var outOption = new Option<DirectoryInfo?>("--out") { Description = "Write the Japanese HTML report, merchant summary, CSV and JSON to this directory" };

        var command = new Command("simulate", "Run the circulation simulation (expected-flow model and Monte Carlo) on a scenario")
        {
            scenarioArgument,
            runsOption,
            jsonOption,
            outOption,
        };

        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult,
            parseResult.GetValue(scenarioArgument)!,
            parseResult.GetValue(runsOption),
            parseResult.GetValue(jsonOption),
            parseResult.GetValue(outOption),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parseResult, FileInfo scenarioFile, int? runs, bool json, DirectoryInfo? outDirectory, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(scenarioFile.FullName);
        }
        catch (ScenarioValidationException ex)
        {
            await error.WriteLineAsync($"simulate: cannot use {scenarioFile.FullName}").ConfigureAwait(false);
            foreach (var problem in ex.Errors)
            {
                await error.WriteLineAsync("  - " + problem).ConfigureAwait(false);
            }

            return InvalidInput;
        }

        try
        {
            var result = json
                ? await Task.Run(() => SimulationRunner.Run(scenario, runs, progress: null, cancellationToken), cancellationToken).ConfigureAwait(false)
                : await RunWithProgressAsync(output, scenario, runs, cancellationToken).ConfigureAwait(false);

            var written = outDirectory is null ? [] : ReportWriter.Write(outDirectory.FullName, scenario, result);
            if (json)
            {
                await output.WriteLineAsync(ResultJson.Serialize(result)).ConfigureAwait(false);
            }
            else
            {
                PrintSummary(Console(output), result, written);
            }

            return 0;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("simulate: cancelled").ConfigureAwait(false);
            return Cancelled;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"simulate: cannot write the report: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<SimulationResult> RunWithProgressAsync(TextWriter output, Scenario scenario, int? runs, CancellationToken cancellationToken)
    {
        SimulationResult? result = null;
        var console = Console(output);
        console.MarkupLine($"[bold]{Markup.Escape(scenario.Name)}[/]");
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Monte Carlo ({runs ?? scenario.MonteCarlo.Runs:N0} runs)", maxValue: 1.0);
                var progress = new TaskProgress(task);
                result = await Task.Run(() => SimulationRunner.Run(scenario, runs, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
                task.Value = 1.0;
            })
            .ConfigureAwait(false);
        return result!;
    }

    private static void PrintSummary(IAnsiConsole console, SimulationResult result, IReadOnlyList<string> written)
    {
        var e = result.Expected;
        var mc = result.MonteCarlo;
        var table = new Table().AddColumn("").AddColumn(new TableColumn("expected-flow").RightAligned()).AddColumn(new TableColumn(Markup.Escape($"Monte Carlo mean [P5–P95], {mc.Runs:N0} runs")).RightAligned());
        table.AddRow("R1 (yen)", $"{e.R1Yen:N0}", $"{mc.R1Yen.Mean:N0}");
        // Square brackets are Spectre markup, hence the escaping.
        table.AddRow("LM3", $"{e.Lm3:0.000}", Markup.Escape($"{mc.Lm3.Mean:0.000} [{mc.Lm3.P5:0.000}–{mc.Lm3.P95:0.000}]"));
        table.AddRow("multiplier", $"{e.Multiplier:0.000}", Markup.Escape($"{mc.Multiplier.Mean:0.000} [{mc.Multiplier.P5:0.000}–{mc.Multiplier.P95:0.000}]"));
        table.AddRow("local turnover (yen)", $"{e.TotalLocalTurnoverYen:N0}", $"{mc.TurnoverYen.Mean:N0}");
        table.AddRow("induced consumption (yen)", $"{e.InducedConsumptionYen:N0}", "");
        table.AddRow("hand-overs per point", $"{e.HandoversPerPoint:0.000}", $"{mc.HandoversPerPoint.Mean:0.000}");
        console.Write(table);

        var sectors = new Table().AddColumn("sector").AddColumn(new TableColumn("turnover (yen)").RightAligned()).AddColumn(new TableColumn("per ¥10,000 to other local businesses").RightAligned());
        foreach (var s in e.Sectors)
        {
            sectors.AddRow(Markup.Escape(s.Name), $"{s.TurnoverYen:N0}", $"{s.PerTenThousandYen:N0}");
        }

        console.Write(sectors);
        foreach (var path in written)
        {
            console.MarkupLine($"wrote [green]{Markup.Escape(path)}[/]");
        }
    }

    private static IAnsiConsole Console(TextWriter output) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });

    /// <summary>Moves the bar from worker threads; Spectre's task value is thread-safe.</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = Math.Max(task.Value, value);
    }
}
