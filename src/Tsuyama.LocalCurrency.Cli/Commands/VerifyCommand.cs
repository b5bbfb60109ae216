using System.CommandLine;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tsuyama.LocalCurrency.Cli.Infrastructure;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;

namespace Tsuyama.LocalCurrency.Cli.Commands;

internal static class VerifyCommand
{
    private static readonly Option<string?> Anchor = new("--anchor")
    {
        Description = "A seal head hash kept outside the database (printed by `seal`, written by the job to Seal:HeadFile); the chain must still contain it",
    };

    public static Command Create()
    {
        var command = new Command("verify", "Check every ledger invariant and the seal chain; exit 0 only if all hold") { CommonOptions.Json, Anchor };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Db));
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new VerifyLedgerQuery(parse.GetValue(Anchor)), ct);
            if (!result.IsSuccess)
            {
                return ResultOutput.Fail(result.Error);
            }

            var report = result.Value;
            if (parse.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, CliJson.Options));
            }
            else
            {
                Print(report);
            }

            return report.Ok ? ExitCodes.Ok : ExitCodes.Problems;
        });
        return command;
    }

    private static void Print(VerifyReport report)
    {
        var table = new Table().AddColumns("", "");
        table.AddRow("transfers", report.Transfers.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("sealed transfers", report.SealedTransfers.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("seal blocks", report.Blocks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("accounts", report.Accounts.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("lots", report.Lots.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("head", report.Head ?? "-");
        table.AddRow("signatures", report.Signed ? "checked (Seal key configured)" : "not checked (no Seal key)");
        AnsiConsole.Write(table);
        if (report.Ok)
        {
            ResultOutput.Ok("OK: every ledger invariant and the seal chain hold.");
            return;
        }

        AnsiConsole.MarkupLine($"[red]FAILED: {report.Problems.Count} problem(s)[/]");
        // Plain lines, never wrapped: operators grep and forward these.
        foreach (var problem in report.Problems)
        {
            Console.WriteLine($"- {problem}");
        }
    }
}

internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
