using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tsuyama.LocalCurrency.Cli.Infrastructure;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Expiry.ExpirePoints;

namespace Tsuyama.LocalCurrency.Cli.Commands;

internal static class ExpireCommand
{
    public static readonly Option<string?> AsOf = new("--as-of")
    {
        Description = "JST date (yyyy-MM-dd): lots whose last valid day is before it expire (default: today, JST)",
    };

    public static readonly Option<int> BatchSize = new("--batch-size")
    {
        Description = "Lots per transaction",
        DefaultValueFactory = _ => 1000,
    };

    public static Command Create()
    {
        var command = new Command("expire", "Move expired resident points to the programs' expired accounts (the daily expiry job)")
        {
            AsOf, BatchSize, CommonOptions.Json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(AsOf);
            var asOf = JapanTime.Today(TimeProvider.System);
            if (text is not null && !DateArgument.TryParse(text, out asOf))
            {
                return ResultOutput.Fail($"--as-of must be a date like 2026-04-30, got '{text}'.");
            }

            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Db));
            var scopes = services.GetRequiredService<IServiceScopeFactory>();
            var json = parse.GetValue(CommonOptions.Json);
            var result = json
                ? await ExpiryRunner.RunAsync(scopes, asOf, parse.GetValue(BatchSize), null, ct)
                : await AnsiConsole.Progress().StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"expiring as of {DateArgument.Format(asOf)}");
                    task.IsIndeterminate = true;
                    var progress = new Progress<ExpiryTotals>(t => task.Description = $"expired {N(t.Lots)} lots, {N(t.Points)} points");
                    var run = await ExpiryRunner.RunAsync(scopes, asOf, parse.GetValue(BatchSize), progress, ct);
                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                    return run;
                });
            if (!result.IsSuccess)
            {
                return ResultOutput.Fail(result.Error);
            }

            var totals = result.Value;
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(
                    new { asOf = DateArgument.Format(asOf), totals.Batches, totals.Lots, totals.Points },
                    CliJson.Options));
            }
            else
            {
                ResultOutput.Ok(
                    $"Expired {N(totals.Lots)} lot(s), {N(totals.Points)} points, in {totals.Batches} batch(es) as of {DateArgument.Format(asOf)}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
