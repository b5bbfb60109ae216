using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tsuyama.LocalCurrency.Simulation;
using Tsuyama.LocalCurrency.Simulation.Comparisons;
using Results = Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Reports;
using Tsuyama.LocalCurrency.Simulation.Results;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Cli.Commands;

/// <summary>
/// <c>simulate &lt;scenario.json&gt; [--runs N] [--json] [--out &lt;dir&gt;]</c> (DESIGN §9): both simulation engines;
/// with two or more files a side-by-side comparison, with <c>--sweep name=lo:hi:step</c> a sweep of one input (exact model).
/// </summary>
public static class SimulateCommand
{
    public const int InvalidInput = 2;
    public const int Cancelled = 130;

    public static Command Create()
    {
        var scenarioArgument = new Argument<FileInfo[]>("scenario")
        {
            Description = "Scenario JSON file (DESIGN §7), e.g. simulations/scenarios/tsuyama-baseline.json; two or more are compared side by side",
            Arity = ArgumentArity.OneOrMore,
        };
        var runsOption = new Option<int?>("--runs") { Description = "Monte Carlo runs (overrides monteCarlo.runs in the scenario)" };
        runsOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--runs must be at least 1.");
            }
        });
        var jsonOption = new Option<bool>("--json") { Description = "Print the result as JSON to standard output (no progress bar)" };
        var outOption = new Option<DirectoryInfo?>("--out")
        {
            Description = "Write the Japanese HTML report, merchant summary, CSV and JSON to this directory",
        };
        var sweepOption = new Option<string?>("--sweep")
        {
            Description = "Sweep one input of one scenario, name=lo:hi:step (e.g. premiumRate=0.1:0.3:0.05; names: simulations/scenarios/README.md)",
        };

        var command = new Command("simulate", "Run the circulation simulation (expected-flow model and Monte Carlo) on a scenario")
        {
            scenarioArgument,
            runsOption,
            jsonOption,
            outOption,
            sweepOption,
        };

        command.SetAction((parseResult, cancellationToken) =>
        {
            var files = parseResult.GetValue(scenarioArgument)!;
            var json = parseResult.GetValue(jsonOption);
            var outDirectory = parseResult.GetValue(outOption);
            var sweep = parseResult.GetValue(sweepOption);
            return sweep is not null || files.Length > 1
                ? CompareOrSweepAsync(parseResult, files, sweep, json, outDirectory)
                : RunAsync(parseResult, files[0], parseResult.GetValue(runsOption), json, outDirectory, cancellationToken);
        });
        return command;
    }

    private static async Task<Scenario?> LoadAsync(TextWriter error, FileInfo file)
    {
        try
        {
            return ScenarioLoader.Load(file.FullName);
        }
        catch (ScenarioValidationException ex)
        {
            await error.WriteLineAsync($"simulate: cannot use {file.FullName}").ConfigureAwait(false);
            foreach (var problem in ex.Errors)
            {
                await error.WriteLineAsync("  - " + problem).ConfigureAwait(false);
            }

            return null;
        }
    }

    private static async Task<int> CompareOrSweepAsync(ParseResult parseResult, FileInfo[] files, string? sweep, bool json, DirectoryInfo? outDirectory)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        if (sweep is not null && files.Length > 1)
        {
            await error.WriteLineAsync("simulate: --sweep takes one scenario (got " + files.Length + ")").ConfigureAwait(false);
            return InvalidInput;
        }

        var scenarios = new List<Scenario>();
        foreach (var file in files)
        {
            if (await LoadAsync(error, file).ConfigureAwait(false) is not { } scenario)
            {
                return InvalidInput;
            }

            scenarios.Add(scenario);
        }

        try
        {
            if (sweep is not null)
            {
                var (name, from, to, step) = ScenarioComparison.ParseSweep(sweep);
                var result = ScenarioComparison.Sweep(scenarios[0], name, from, to, step);
                var written = outDirectory is null ? [] : ReportWriter.WriteSweep(outDirectory.FullName, result);
                if (json)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(new { sweep = result }, ResultJson.Options)).ConfigureAwait(false);
                }
                else
                {
                    PrintSweep(Console(output), result, written);
                }
            }
            else
            {
                var result = ScenarioComparison.Compare(scenarios);
                var written = outDirectory is null ? [] : ReportWriter.WriteComparison(outDirectory.FullName, result);
                if (json)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(new { comparison = result }, ResultJson.Options)).ConfigureAwait(false);
                }
                else
                {
                    PrintComparison(Console(output), result, written);
                }
            }

            return 0;
        }
        catch (ScenarioValidationException ex)
        {
            foreach (var problem in ex.Errors)
            {
                await error.WriteLineAsync("simulate: " + problem).ConfigureAwait(false);
            }

            return InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"simulate: cannot write the report: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static void PrintComparison(IAnsiConsole console, ComparisonResult result, IReadOnlyList<string> written)
    {
        var table = new Table().AddColumn("figure (expected-flow)");
        foreach (var (name, i) in result.Scenarios.Select((n, i) => (n, i)))
        {
            table.AddColumn(new TableColumn(Markup.Escape(i == 0 ? name : $"{name} (Δ vs first)")).RightAligned());
        }

        foreach (var f in result.Headline)
        {
            var cells = f.Values.Select((v, i) => i == 0 || f.DifferenceFromFirst[i] is not { } d
                ? Number(f.Figure, v)
                : $"{Number(f.Figure, v)} ({Number(f.Figure, d, signed: true)})");
            table.AddRow([f.Figure, .. cells.Select(Markup.Escape)]);
        }

        console.Write(table);
        foreach (var path in written)
        {
            console.MarkupLine($"wrote [green]{Markup.Escape(path)}[/]");
        }
    }

    private static void PrintSweep(IAnsiConsole console, SweepResult result, IReadOnlyList<string> written)
    {
        console.MarkupLine($"[bold]{Markup.Escape(result.Scenario)}[/]: sweep of {Markup.Escape(result.Parameter)} (expected-flow)");
        var table = new Table().AddColumn(Markup.Escape(result.Parameter));
        foreach (var header in new[] { "LM3", "multiplier", "local turnover (yen)", "induced consumption (yen)", "net effect (yen)", "benefit/cost" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var p in result.Points)
        {
            table.AddRow($"{p.Value:0.####}", $"{p.Lm3:0.000}", $"{p.Multiplier:0.000}", $"{p.TotalLocalTurnoverYen:N0}", $"{p.InducedConsumptionYen:N0}",
                $"{p.NetEffectYen:N0}", p.BenefitCostRatio is { } r ? $"{r:0.000}" : "—");
        }

        console.Write(table);
        foreach (var path in written)
        {
            console.MarkupLine($"wrote [green]{Markup.Escape(path)}[/]");
        }
    }

    private static string Number(string figure, double? value, bool signed = false)
    {
        if (value is not { } v)
        {
            return "—";
        }

        var text = v.ToString(figure.EndsWith("Yen", StringComparison.Ordinal) ? "N0" : "0.000", CultureInfo.InvariantCulture);
        return signed && v >= 0 ? "+" + text : text;
    }

    private static async Task<int> RunAsync(
        ParseResult parseResult, FileInfo scenarioFile, int? runs, bool json, DirectoryInfo? outDirectory, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        if (await LoadAsync(error, scenarioFile).ConfigureAwait(false) is not { } scenario)
        {
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
        var table = new Table().AddColumn("").AddColumn(new TableColumn("expected-flow").RightAligned())
            .AddColumn(new TableColumn(Markup.Escape($"Monte Carlo mean [P5–P95 sampling noise], {mc.Runs:N0} runs")).RightAligned());
        table.AddRow("R1 (yen)", $"{e.R1Yen:N0}", $"{mc.R1Yen.Mean:N0}");
        // Square brackets are Spectre markup, hence the escaping.
        table.AddRow("LM3", $"{e.Lm3:0.000}", Markup.Escape($"{mc.Lm3.Mean:0.000} [{mc.Lm3.P5:0.000}–{mc.Lm3.P95:0.000}]"));
        table.AddRow("multiplier", $"{e.Multiplier:0.000}", Markup.Escape($"{mc.Multiplier.Mean:0.000} [{mc.Multiplier.P5:0.000}–{mc.Multiplier.P95:0.000}]"));
        table.AddRow("local turnover (yen)", $"{e.TotalLocalTurnoverYen:N0}", $"{mc.TurnoverYen.Mean:N0}");
        table.AddRow("hand-overs per point", $"{e.HandoversPerPoint:0.000}", $"{mc.HandoversPerPoint.Mean:0.000}");
        // Time exists only in the agent model: the expected-flow column has nothing to say.
        table.AddRow("days per hand-over (velocity)", "-", $"{mc.Velocity.DaysPerHandover:0.0}");
        table.AddRow("days in wallets / with shops", "-", $"{mc.Velocity.MeanDaysInWallets:0.0} / {mc.Velocity.MeanDaysWithShops:0.0}");
        if (mc.ExpiresOn is { } expiresOn)
        {
            table.AddRow("points valid until", "", expiresOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);

        var cb = result.CostBenefit;
        var u = result.Uncertainty;
        var city = new Table().AddColumn("city's cost and benefit").AddColumn(new TableColumn("expected-flow").RightAligned());
        if (u is not null)
        {
            city.AddColumn(new TableColumn(Markup.Escape($"P5–P95 over the input ranges, {u.Draws:N0} draws")).RightAligned());
        }

        void Row(string label, string value, Results.Interval? interval, string format)
        {
            var range = interval is null
                ? ""
                : Markup.Escape($"{interval.P5.ToString(format, CultureInfo.InvariantCulture)}–{interval.P95.ToString(format, CultureInfo.InvariantCulture)}");
            city.AddRow(u is null ? [label, value] : [label, value, range]);
        }

        Row("LM3", $"{e.Lm3:0.000}", u?.Lm3, "0.000");
        Row("multiplier", $"{e.Multiplier:0.000}", u?.Multiplier, "0.000");
        Row("premium (yen)", $"{cb.PremiumYen:N0}", null, "N0");
        Row(cb.AdminGiven ? "administration (yen)" : "administration (yen, not given: 0)", $"{cb.AdminYen:N0}", null, "N0");
        Row("induced consumption (yen)", $"{cb.InducedConsumptionYen:N0}", u?.InducedConsumptionYen, "N0");
        Row("induced local turnover (yen)", $"{cb.InducedTurnoverYen:N0}", u?.InducedTurnoverYen, "N0");
        Row("net effect (yen)", $"{cb.NetEffectYen:N0}", u?.NetEffectYen, "N0");
        Row("benefit/cost", cb.BenefitCostRatio is { } bcr ? $"{bcr:0.000}" : "—", u?.BenefitCostRatio, "0.000");
        Row("same budget as cash: consumption (yen)", cb.CashHandoutConsumptionYen is { } cash ? $"{cash:N0}" : "—", null, "N0");
        if (result.IoEffects is { } io)
        {
            var label = io.Illustrative ? "IO production, total (yen; ILLUSTRATIVE table)" : "IO production, total (yen)";
            Row(label, $"{io.Total.Production:N0}", u?.IoTotalProductionYen, "N0");
        }

        console.Write(city);

        var sectors = new Table()
            .AddColumn("sector")
            .AddColumn(new TableColumn("turnover (yen)").RightAligned())
            .AddColumn(new TableColumn("per ¥10,000 to other local businesses").RightAligned());
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
