using System.CommandLine;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tsuyama.LocalCurrency.Cli.Infrastructure;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Features.Sales.GetLotteryResult;
using Tsuyama.LocalCurrency.Features.Sales.RunLottery;

namespace Tsuyama.LocalCurrency.Cli.Commands;

internal static class LotteryCommand
{
    public static readonly Argument<string> Program = new("program") { Description = "Code of the lottery program" };

    public static readonly Option<string?> Seed = new("--seed")
    {
        Description = "Published seed, e.g. numbers drawn in public (8–200 characters); default: a random seed, printed and stored",
    };

    public static readonly Option<bool> Show = new("--show") { Description = "Print the stored result of an earlier draw instead of drawing" };

    public static Command Create()
    {
        var command = new Command("lottery",
            $"Draw a lottery program once its application window has closed ({LotteryAlgorithm.Name}); " +
            "winners get a payment deadline, the rest wait in drawn order")
        {
            Program, Seed, Show, CommonOptions.Json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var code = parse.GetValue(Program)!;
            if (parse.GetValue(Show) && parse.GetValue(Seed) is not null)
            {
                return ResultOutput.Fail("--seed draws a lottery; --show only prints one. Give one of them.");
            }

            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Db));
            await using var scope = services.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var result = parse.GetValue(Show)
                ? await mediator.Send(new GetLotteryResultQuery(code), ct)
                : await mediator.Send(new RunLotteryCommand(code, parse.GetValue(Seed), "cli:lottery"), ct);
            if (!result.IsSuccess)
            {
                return ResultOutput.Fail(result.Error);
            }

            var r = result.Value;
            if (parse.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(r, CliJson.Options));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("#", "application", "units", "drawn");
            foreach (var p in r.Places)
            {
                table.AddRow(p.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), p.ApplicationId.ToString(),
                    p.Units.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Won ? "[green]won[/]" : "waiting");
            }

            AnsiConsole.Write(table);
            ResultOutput.Ok($"Lottery of {r.ProgramCode}: seed '{r.Seed}', algorithm {r.Algorithm}, {r.UnitsOnSale} units on sale, " +
                $"{r.Places.Count(p => p.Won)} of {r.Places.Count} applications won.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
