using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tsuyama.LocalCurrency.Cli.Infrastructure;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlement;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;

namespace Tsuyama.LocalCurrency.Cli.Commands;

internal static class SettleCommand
{
    public static readonly Option<string> Cutoff = new("--cutoff")
    {
        Description = "Last day (JST, yyyy-MM-dd) whose points are redeemed; must be before today",
        Required = true,
    };

    public static readonly Option<DirectoryInfo?> Out = new("--out")
    {
        Description = "Folder for the Zengin file (zengin-<cutoff>.txt) and one HTML and CSV statement per merchant",
    };

    public static Command Create()
    {
        var command = new Command("settle", "Run a settlement (換金・精算): redeem merchant points up to the cutoff") { Cutoff, Out, CommonOptions.Json };
        command.SetAction(async (parse, ct) =>
        {
            if (!DateArgument.TryParse(parse.GetValue(Cutoff), out var cutoff))
            {
                return ResultOutput.Fail($"--cutoff must be a date like 2026-04-30, got '{parse.GetValue(Cutoff)}'.");
            }

            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Db));
            await using var scope = services.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var done = await mediator.Send(new RunSettlementCommand(cutoff, "cli:settle"), ct);
            if (!done.IsSuccess)
            {
                return ResultOutput.Fail(done.Error);
            }

            var view = await mediator.Send(new GetSettlementQuery(done.Value.SettlementId), ct);
            if (!view.IsSuccess)
            {
                return ResultOutput.Fail(view.Error);
            }

            var written = parse.GetValue(Out) is { } folder
                ? await SettlementFiles.WriteAsync(mediator, view.Value, folder, ct)
                : [];
            if (parse.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { settlement = done.Value, view.Value.TransferDate, files = written }, CliJson.Options));
            }
            else
            {
                Print(view.Value, written);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(SettlementView s, IReadOnlyList<string> written)
    {
        var table = new Table().AddColumns("merchant", "program", "points", "fee (tax incl.)", "tax in fee", "payout ¥");
        foreach (var l in s.Lines)
        {
            table.AddRow(Markup.Escape(l.MerchantName), Markup.Escape(l.ProgramCode), N(l.Points), N(l.FeeYen), N(l.TaxInFeeYen), N(l.PayoutYen));
        }

        table.AddRow("[bold]total[/]", "", N(s.Points), N(s.FeeYen), N(s.TaxInFeeYen), N(s.PayoutYen));
        AnsiConsole.Write(table);
        ResultOutput.Ok($"Settlement {s.SettlementId} (cutoff {DateArgument.Format(s.Cutoff)}): {s.MerchantCount} merchant(s), " +
            $"{N(s.Points)} points, fee ¥{N(s.FeeYen)}, payout ¥{N(s.PayoutYen)} on {DateArgument.Format(s.TransferDate)}.");
        foreach (var h in s.HeldBack)
        {
            AnsiConsole.MarkupLine(
                $"[yellow]held back[/] merchant {h.MerchantId}: {N(h.Points)} points not redeemed, paid at the next run once fixed: {Markup.Escape(h.Reason)}");
        }

        foreach (var file in written)
        {
            AnsiConsole.MarkupLine($"wrote [blue]{Markup.Escape(file)}[/]");
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
